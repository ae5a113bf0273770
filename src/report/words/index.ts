import type { Lang } from '../../types.js';
import { EN } from './en.js';
import { FR } from './fr.js';
import { NL } from './nl.js';
import type { Words } from './words.js';

export type { Words } from './words.js';

const CATALOGUES: Readonly<Record<Lang, Words>> = { en: EN, nl: NL, fr: FR };

export const wordsFor = (lang: Lang): Words => CATALOGUES[lang];
