import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  OPTIONS,
  commentMarker,
  convert,
  findingLocation,
  findingSentence,
  gateOptions,
  hiddenMarker,
  keepWatchIssue,
  markdown,
  mergeReports,
  needsScreenshots,
  reportPlace,
  reviewBody,
  visitLine,
  writeReports
} from "./chunks/chunk-RED3TAPA.js";
import {
  GateError,
  RunSecrets,
  defaultPolicy,
  didYouMean,
  errorText,
  exitCleanlyOnSignals,
  findPolicyFile,
  formatConsole,
  loadPolicy,
  once,
  progressLine,
  runGate,
  startedAsScript,
  stopping,
  subjectLabel,
  wordsFor
} from "./chunks/chunk-EXPOU2S5.js";
import {
  require_tunnel
} from "./chunks/chunk-OTZBYH6C.js";
import {
  __toESM,
  require_undici
} from "./chunks/chunk-KJFGTTMY.js";

// src/entry/action.ts
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text2, addEOL = false) {
    this._buffer += text2;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text2, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text2);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text2, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text2, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text2, href) {
    const element = this.wrap("a", text2, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function getMultilineInput(name, options) {
  const inputs2 = getInput(name, options).split("\n").filter((x) => x !== "");
  if (options && options.trimWhitespace === false) {
    return inputs2;
  }
  return inputs2.map((input) => input.trim());
}
function getBooleanInput(name, options) {
  const trueValue = ["true", "True", "TRUE"];
  const falseValue = ["false", "False", "FALSE"];
  const val = getInput(name, options);
  if (trueValue.includes(val))
    return true;
  if (falseValue.includes(val))
    return false;
  throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}
Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// src/entry/input-names.ts
var INPUT_OF_FLAG = new Map(OPTIONS.flatMap((o) => o.input ? [[o.flag, o.input]] : []));
var FLAG = new RegExp(`--(${[...INPUT_OF_FLAG.keys()].sort((a, b) => b.length - a.length).join("|")})(?![\\w-])`, "g");
function inInputWords(text2) {
  return text2.replace(FLAG, (_, flag) => `input "${INPUT_OF_FLAG.get(flag)}"`);
}

// src/entry/github.ts
async function client(token) {
  if (!token) throw new Error('input "github-token" is empty');
  const github = await import("./chunks/github-CUZB3TZU.js");
  return { octokit: github.getOctokit(token), repo: github.context.repo };
}
function apiReason(error2) {
  const status = error2.status;
  const message = errorText(error2).split(" - https://")[0];
  return typeof status === "number" ? `GitHub answered ${status} ${message}` : message;
}
async function stickyComment(token, pullRequest, marker, body, mayCreate) {
  const { octokit, repo } = await client(token);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pullRequest, per_page: 100 });
  const mine = comments.find((comment) => comment.body?.includes(marker));
  if (mine) {
    const { data: data2 } = await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
    return { action: "updated", url: data2.html_url };
  }
  if (!mayCreate) return null;
  const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: pullRequest, body });
  return { action: "created", url: data.html_url };
}
async function githubIssues(token) {
  const { octokit, repo } = await client(token);
  return {
    findOpen: async (marker) => {
      const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, state: "open", per_page: 100 });
      const found = issues.find((issue2) => !issue2.pull_request && issue2.body?.includes(marker));
      return found ? { number: found.number, url: found.html_url } : null;
    },
    open: async (title, body) => {
      const { data } = await octokit.rest.issues.create({ ...repo, title, body });
      return { number: data.number, url: data.html_url };
    },
    update: async (issue2, title, body) => {
      await octokit.rest.issues.update({ ...repo, issue_number: issue2.number, title, body });
    },
    close: async (issue2, comment) => {
      await octokit.rest.issues.createComment({ ...repo, issue_number: issue2.number, body: comment });
      await octokit.rest.issues.update({ ...repo, issue_number: issue2.number, state: "closed", state_reason: "completed" });
    }
  };
}

// src/entry/action-outlet.ts
function actionOutlet(secrets) {
  const text2 = (value) => secrets.clear(value, "text");
  return {
    secrets,
    info: (value) => info(text2(value)),
    debug: (value) => debug(text2(value)),
    notice: (value) => notice(text2(value)),
    annotate: (severity, value, place) => {
      const properties = place && { ...place, title: text2(place.title), ...place.file !== void 0 ? { file: text2(place.file) } : {} };
      (severity === "error" ? error : warning)(text2(value), properties);
    },
    output: (name, value) => setOutput(name, text2(value)),
    summary: async (markdown2) => {
      await summary.addRaw(text2(markdown2)).write();
    },
    failed: (value) => setFailed(text2(value))
  };
}

// src/entry/action.ts
var MAX_ANNOTATIONS = 50;
var text = (name) => getInput(name) || void 0;
var event = once(() => {
  const path = process.env["GITHUB_EVENT_PATH"];
  return path ? JSON.parse(readFileSync(path, "utf8")) : {};
});
function deploymentUrl() {
  if (process.env["GITHUB_EVENT_NAME"] !== "deployment_status") return void 0;
  const status = event().deployment_status;
  if (status?.state !== "success") {
    throw new GateError(
      `This deployment_status event is "${status?.state ?? "unknown"}": there is no preview to scan. Run the job only for successful deployments: if: github.event.deployment_status.state == 'success'`
    );
  }
  const url = status.environment_url || status.target_url;
  if (!url) throw new GateError('The deployment_status event carries no target_url or environment_url to scan; set the "url" input.');
  return url;
}
function inputs() {
  const given = {};
  for (const spec of OPTIONS) {
    if (!spec.input) continue;
    let raw = getMultilineInput(spec.input);
    if (raw.length === 0) continue;
    if (spec.kind === "strings" && spec.inputCommas) raw = raw.flatMap((line) => line.split(",")).map((s) => s.trim()).filter(Boolean);
    if (spec.key === "headers") for (const line of raw) setSecret(line.slice(line.indexOf(":") + 1).trim());
    const name = `Input "${spec.input}"`;
    given[spec.key] = spec.kind === "boolean" ? getBooleanInput(spec.input) : convert(spec, spec.kind === "strings" || spec.kind === "list" ? raw : [raw.join("\n")], name);
  }
  const result = given;
  if (result.url === void 0 && result.start === void 0 && result.static === void 0) {
    const url = deploymentUrl();
    if (url) result.url = url;
  }
  return result;
}
var COMMENT = ["always", "on-failure", "off"];
function reviewInputs(given) {
  const comment = text("comment") ?? "always";
  if (!COMMENT.includes(comment)) {
    throw new GateError(`Input "comment" takes ${COMMENT.map((c) => `"${c}"`).join(", ")}; got "${comment}".${didYouMean(comment, COMMENT)}`);
  }
  const watch = (text("watch-issue") ?? "false").toLowerCase();
  if (watch !== "true" && watch !== "false") throw new GateError(`Input "watch-issue" takes "true" or "false"; got "${watch}".`);
  const merge = getMultilineInput("merge-reports");
  if (merge.length > 0 && (given.url ?? given.start ?? given.static) !== void 0) {
    throw new GateError(`Input "merge-reports" judges the shards' reports and scans nothing: give "static-dir", "url" or "start-command" to the shards' steps, not to this one.`);
  }
  if (given.shard && (watch === "true" || merge.length > 0)) {
    throw new GateError(`Input "${watch === "true" ? "watch-issue" : "merge-reports"}" is for the step that sees every page, and a shard sees part of them: set it on the step that merges the shards (input "merge-reports"), not with input "shard".`);
  }
  return { comment, token: getInput("github-token"), watchIssue: watch === "true", merge: merge.length > 0 ? merge : null };
}
function runUrl() {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = process.env;
  return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : void 0;
}
async function review(out, result, reports, lang, settings, cwd, shard) {
  const said = wordsFor(lang).comment;
  const url = runUrl();
  const place = reportPlace(reports, url);
  const body = { lang, ...place ? { place } : {}, ...url ? { runUrl: url } : {} };
  const dir = relative(process.env["GITHUB_WORKSPACE"] ?? process.cwd(), cwd).split("\\").join("/") || ".";
  const notes = [];
  const pullRequest = event().pull_request?.number;
  if (pullRequest !== void 0 && settings.comment !== "off") {
    if (shard) out.info('The pull-request comment is left to the step that merges the shards (input "merge-reports"): a shard sees part of the pages.');
    else {
      const marker = commentMarker(dir);
      try {
        const failing = result.verdict.status !== "passed";
        const text2 = out.secrets.clear(reviewBody(result, { ...body, marker }), "text");
        const posted = await stickyComment(settings.token, pullRequest, hiddenMarker(marker), text2, settings.comment === "always" || failing);
        if (posted) notes.push(said.posted(posted.action, posted.url));
      } catch (error2) {
        notes.push(said.notPosted(apiReason(error2)));
        out.annotate("warning", `The pull-request comment could not be posted: ${apiReason(error2)}. The verdict stands.`);
      }
    }
  }
  let failure = null;
  if (settings.watchIssue) {
    try {
      const kept = await keepWatchIssue(await githubIssues(settings.token), result, { ...body, dir }, out.secrets);
      notes.push(kept.action === "none" ? said.nothingToWatch : said.watched(kept.action, kept.issue.url));
    } catch (error2) {
      failure = apiReason(error2);
      notes.push(said.watchFailed(failure));
    }
  }
  return { notes, failure };
}
async function summarize(out, result, reports, lang, notes) {
  await out.summary([inInputWords(markdown.render(result, reportPlace(reports, runUrl()), lang)).trimEnd(), ...notes].join("\n\n"));
  const fresh = result.findings.filter((f) => f.status === "new");
  for (const f of fresh.slice(0, MAX_ANNOTATIONS)) {
    const at = findingLocation(result, f);
    out.annotate(f.severity === "error" ? "error" : "warning", findingSentence(f, f.page), { title: `${f.rule}: ${subjectLabel(f)}`, ...at ? { file: at.path, startLine: at.line } : {} });
  }
  if (fresh.length > MAX_ANNOTATIONS) out.annotate("warning", `${fresh.length - MAX_ANNOTATIONS} more new finding(s) are in the reports.`);
  out.output("result", result.verdict.status);
  out.output("new-findings", String(result.verdict.errors + result.verdict.warnings));
  out.output("exit-code", String(result.verdict.exitCode));
  for (const [name, path] of reports) out.output(`report-${name}`, path);
}
function scan(out, options, formats) {
  return runGate({
    ...options,
    secrets: out.secrets,
    screenshots: needsScreenshots(formats),
    onPlan: ({ urls, notes }) => {
      out.info(`scanning ${urls.length} page(s)`);
      for (const note of notes) out.notice(inInputWords(note));
    },
    onPage: (progress) => out.info(progressLine(progress)),
    onVisit: ({ url, scan: scan2 }) => scan2 && out.debug(visitLine(url, scan2))
  });
}
async function main(out) {
  const cwd = resolve(text("working-directory") ?? process.env["GITHUB_WORKSPACE"] ?? process.cwd());
  const file = findPolicyFile(cwd, text("config"), 'Input "config":');
  const policy = file ? loadPolicy(file) : defaultPolicy(cwd);
  const { formats = ["json", "sarif", "markdown"], config: _config, reportDir, ...flags } = inputs();
  const settings = reviewInputs(flags);
  const options = gateOptions(flags, policy, cwd);
  const { lang } = options.policy;
  const result = settings.merge ? mergeReports(settings.merge.map((path) => resolve(cwd, path)), options.policy, { secrets: out.secrets }) : await scan(out, options, formats);
  out.info(inInputWords(formatConsole(result, lang)));
  const url = runUrl();
  const reports = writeReports(result, formats, { reportDir: reportDir ?? "consent-gate-report", ...url ? { runUrl: url } : {}, lang }, cwd, out.secrets).files;
  const { notes, failure } = await review(out, result, reports, lang, settings, cwd, flags.shard !== void 0);
  await summarize(out, result, reports, lang, notes);
  if (result.verdict.exitCode !== 0) out.failed(`consent-gate ${result.verdict.status}: ${result.verdict.reason}`);
  if (failure === null) return result.verdict.exitCode;
  out.failed(`The watch issue could not be kept up to date: ${failure}. Give the job permissions: issues: write.`);
  return result.verdict.exitCode || 2;
}
async function run() {
  exitCleanlyOnSignals();
  const out = actionOutlet(new RunSecrets());
  try {
    const code = await main(out);
    if (!stopping()) process.exitCode = code;
  } catch (error2) {
    if (stopping()) return;
    out.output("result", "error");
    if (error2 instanceof GateError) {
      out.failed(inInputWords(error2.message));
      process.exitCode = error2.exitCode;
    } else {
      out.failed(`consent-gate: internal error, the scan did not complete: ${error2 instanceof Error ? error2.stack ?? error2.message : errorText(error2)}`);
      process.exitCode = 3;
    }
  }
}
if (startedAsScript(import.meta.url)) void run();
export {
  run
};
