// The HTML and XML reports escape as the boundary check expects them to (shared/secrets.ts): one function for both.
export { escapeMarkup } from '../../shared/text.js';
