import { createRequire as __consentGateRequire } from 'node:module'; const require = __consentGateRequire(import.meta.url);
import {
  GateError,
  __toESM,
  concludeRun,
  emptyBaseline,
  errorText,
  judgePage,
  once,
  readBaseline,
  require__,
  resultOf,
  writeBaseline
} from "./chunk-WECIVSLL.js";

// src/entry/judge.ts
var import__ = __toESM(require__(), 1);
import { readFileSync } from "node:fs";
import { relative } from "node:path";

// schema/report.schema.json
var report_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://consent-gate.dev/schema/report.schema.json",
  title: "consent-gate report",
  description: "Everything one consent-gate run gathered, how it classified it, what it found and its verdict. Cookie values never appear: only their length and a short hash.",
  type: "object",
  required: [
    "schemaVersion",
    "tool",
    "data",
    "browser",
    "startedAt",
    "durationMs",
    "target",
    "coverage",
    "pages",
    "findings",
    "rules",
    "inventory",
    "policy",
    "baseline",
    "verdict"
  ],
  additionalProperties: false,
  properties: {
    schemaVersion: {
      const: 1
    },
    tool: {
      type: "object",
      required: [
        "name",
        "version"
      ],
      additionalProperties: false,
      properties: {
        name: {
          const: "consent-gate"
        },
        version: {
          type: "string"
        }
      }
    },
    data: {
      description: "Versions of the classification data used.",
      type: "object",
      required: [
        "thirdPartyWeb",
        "openCookieDatabase"
      ],
      additionalProperties: false,
      properties: {
        thirdPartyWeb: {
          type: "string",
          description: "npm version of third-party-web."
        },
        openCookieDatabase: {
          type: "string",
          description: "Upstream commit of the vendored Open Cookie Database."
        }
      }
    },
    browser: {
      type: "object",
      required: [
        "executable",
        "version"
      ],
      additionalProperties: false,
      properties: {
        executable: {
          type: "string"
        },
        version: {
          type: "string"
        }
      }
    },
    startedAt: {
      type: "string",
      format: "date-time"
    },
    durationMs: {
      type: "integer",
      minimum: 0
    },
    target: {
      type: "object",
      required: [
        "urls",
        "name",
        "ephemeral",
        "files"
      ],
      additionalProperties: false,
      properties: {
        urls: {
          type: "array",
          items: {
            type: "string"
          }
        },
        name: {
          type: [
            "string",
            "null"
          ],
          description: "What the reports call the site: a deployed site's host, the served folder (--static), the project (--start); null when only full page URLs were given."
        },
        ephemeral: {
          type: "boolean",
          description: "The pages were served on loopback by this run (--static, --start), so their URLs no longer answer once it ends."
        },
        files: {
          type: "object",
          additionalProperties: {
            type: "string"
          },
          description: "Page URL to the file it was served from (--static), absolute."
        }
      }
    },
    coverage: {
      $ref: "#/$defs/coverage"
    },
    pages: {
      type: "array",
      items: {
        $ref: "#/$defs/page"
      }
    },
    findings: {
      type: "array",
      items: {
        $ref: "#/$defs/finding"
      }
    },
    rules: {
      type: "array",
      items: {
        $ref: "#/$defs/rule"
      },
      description: "Every rule that could report: titles, legal basis and docs links for the findings."
    },
    inventory: {
      type: "array",
      description: "Everything stored after the visitor accepted: the table a cookie policy must carry.",
      items: {
        type: "object",
        required: [
          "kind",
          "name",
          "domain",
          "vendor",
          "category",
          "party",
          "lifetimeDays",
          "pages"
        ],
        additionalProperties: false,
        properties: {
          kind: {
            enum: [
              "cookie",
              "storage"
            ]
          },
          name: {
            type: "string"
          },
          domain: {
            type: "string"
          },
          vendor: {
            type: [
              "string",
              "null"
            ]
          },
          category: {
            $ref: "#/$defs/category"
          },
          party: {
            $ref: "#/$defs/party"
          },
          lifetimeDays: {
            type: [
              "integer",
              "null"
            ]
          },
          pages: {
            type: "array",
            items: {
              type: "string"
            }
          }
        }
      }
    },
    policy: {
      type: "object",
      required: [
        "path",
        "jurisdiction",
        "failOn"
      ],
      additionalProperties: false,
      properties: {
        path: {
          type: [
            "string",
            "null"
          ],
          description: "The policy file used; null when the defaults applied."
        },
        jurisdiction: {
          enum: [
            "eu",
            "nl",
            "be",
            "nl-government"
          ]
        },
        failOn: {
          enum: [
            "error",
            "warn"
          ]
        }
      }
    },
    baseline: {
      type: "object",
      required: [
        "path",
        "found",
        "updated",
        "fixed"
      ],
      additionalProperties: false,
      properties: {
        path: {
          type: "string"
        },
        found: {
          type: "boolean",
          description: "A baseline file existed before this run."
        },
        updated: {
          type: "boolean",
          description: "This run wrote the baseline file."
        },
        fixed: {
          type: "array",
          description: "Baseline entries not seen on the pages they were recorded for.",
          items: {
            $ref: "#/$defs/fixed"
          }
        }
      }
    },
    verdict: {
      $ref: "#/$defs/verdict"
    }
  },
  $defs: {
    phase: {
      enum: [
        "initial",
        "after-scroll",
        "after-reject",
        "after-save",
        "after-accept",
        "after-withdraw"
      ]
    },
    category: {
      enum: [
        "necessary",
        "preferences",
        "analytics",
        "marketing",
        "social",
        "unknown"
      ]
    },
    party: {
      enum: [
        "first",
        "third"
      ]
    },
    classification: {
      type: "object",
      required: [
        "category",
        "vendor",
        "party",
        "plugin",
        "source"
      ],
      additionalProperties: false,
      properties: {
        category: {
          $ref: "#/$defs/category"
        },
        vendor: {
          type: [
            "string",
            "null"
          ]
        },
        party: {
          $ref: "#/$defs/party"
        },
        plugin: {
          type: "boolean",
          description: "A social plugin or tracking embed."
        },
        source: {
          enum: [
            "override",
            "third-party-web",
            "open-cookie-database",
            "site",
            "none"
          ]
        },
        writer: {
          type: "object",
          description: "Cookies and storage: the script, response or frame whose vendor decided the category, because the name alone said less (nameCategory).",
          required: [
            "url",
            "nameCategory"
          ],
          additionalProperties: false,
          properties: {
            url: {
              type: "string"
            },
            nameCategory: {
              $ref: "#/$defs/category"
            }
          }
        }
      }
    },
    cookie: {
      type: "object",
      required: [
        "name",
        "domain",
        "path",
        "expires",
        "httpOnly",
        "secure",
        "sameSite",
        "stored",
        "valueLength",
        "valueHash",
        "sources",
        "class"
      ],
      additionalProperties: false,
      properties: {
        name: {
          type: "string"
        },
        domain: {
          type: "string"
        },
        path: {
          type: "string"
        },
        expires: {
          type: [
            "integer",
            "null"
          ],
          description: "Stored expiry, epoch seconds (the browser caps it at 400 days); null for a session cookie."
        },
        httpOnly: {
          type: "boolean"
        },
        secure: {
          type: "boolean"
        },
        sameSite: {
          type: "string"
        },
        stored: {
          type: "boolean",
          description: "False when the browser refused a cookie the site tried to set."
        },
        valueLength: {
          type: "integer",
          minimum: 0
        },
        valueHash: {
          type: "string",
          pattern: "^[0-9a-f]{8}$"
        },
        sources: {
          type: "array",
          items: {
            type: "object",
            required: [
              "via",
              "url",
              "declaredLifetime"
            ],
            additionalProperties: false,
            properties: {
              via: {
                enum: [
                  "set-cookie",
                  "document.cookie"
                ]
              },
              url: {
                type: "string"
              },
              declaredLifetime: {
                type: [
                  "integer",
                  "null"
                ],
                description: "Seconds the site asked for; null for a session cookie."
              }
            }
          }
        },
        class: {
          $ref: "#/$defs/classification"
        }
      }
    },
    storage: {
      type: "object",
      required: [
        "kind",
        "origin",
        "key",
        "writtenBy",
        "class"
      ],
      additionalProperties: false,
      properties: {
        kind: {
          enum: [
            "localStorage",
            "sessionStorage",
            "indexedDB"
          ]
        },
        origin: {
          type: "string"
        },
        key: {
          type: "string"
        },
        writtenBy: {
          type: "array",
          items: {
            type: "string"
          }
        },
        class: {
          $ref: "#/$defs/classification"
        }
      }
    },
    request: {
      type: "object",
      required: [
        "url",
        "method",
        "resourceType",
        "frameUrl",
        "status",
        "failure",
        "initiator",
        "class"
      ],
      additionalProperties: false,
      properties: {
        url: {
          type: "string"
        },
        method: {
          type: "string"
        },
        resourceType: {
          type: "string"
        },
        frameUrl: {
          type: [
            "string",
            "null"
          ]
        },
        status: {
          type: [
            "integer",
            "null"
          ]
        },
        failure: {
          type: [
            "string",
            "null"
          ]
        },
        initiator: {
          oneOf: [
            {
              $ref: "#/$defs/initiator"
            },
            {
              type: "null"
            }
          ],
          description: "Null when not observed: requests inside a cross-site frame or from a service worker."
        },
        class: {
          $ref: "#/$defs/classification"
        },
        cookiesSent: {
          description: "Names (never values) of the cookies the request carried in its Cookie header; recorded only after a withdrawal.",
          type: "array",
          items: {
            type: "string"
          }
        }
      }
    },
    fingerprinting: {
      type: "object",
      required: [
        "technique",
        "api",
        "script",
        "calls",
        "families",
        "class"
      ],
      additionalProperties: false,
      properties: {
        technique: {
          enum: [
            "canvas",
            "webgl",
            "audio",
            "fonts",
            "navigator"
          ]
        },
        api: {
          type: "string"
        },
        script: {
          type: "string",
          description: "The script that made the calls; the frame's own URL for code without one."
        },
        calls: {
          type: "integer",
          minimum: 1
        },
        families: {
          type: [
            "integer",
            "null"
          ],
          description: "fonts: the most font families one document measured; null for the other techniques."
        },
        class: {
          $ref: "#/$defs/classification"
        }
      }
    },
    identifier: {
      type: "object",
      required: [
        "source",
        "name",
        "holder",
        "host",
        "where",
        "requestUrl",
        "initiator",
        "class",
        "holderParty"
      ],
      additionalProperties: false,
      properties: {
        source: {
          enum: [
            "cookie",
            "localStorage",
            "sessionStorage"
          ]
        },
        name: {
          type: "string",
          description: "The cookie's name or the storage key; never its value."
        },
        holder: {
          type: "string",
          description: "The cookie's domain, or the host of the storage's origin."
        },
        host: {
          type: "string",
          description: "The host the request went to."
        },
        where: {
          enum: [
            "query",
            "path",
            "body",
            "header",
            "cookie"
          ]
        },
        requestUrl: {
          type: "string"
        },
        initiator: {
          oneOf: [
            {
              $ref: "#/$defs/initiator"
            },
            {
              type: "null"
            }
          ],
          description: "Null when not observed: requests inside a cross-site frame or from a service worker."
        },
        class: {
          $ref: "#/$defs/classification"
        },
        holderParty: {
          enum: [
            "first",
            "third"
          ]
        }
      }
    },
    frame: {
      type: "object",
      required: [
        "url",
        "parentUrl",
        "class"
      ],
      additionalProperties: false,
      properties: {
        url: {
          type: "string"
        },
        parentUrl: {
          type: [
            "string",
            "null"
          ]
        },
        class: {
          $ref: "#/$defs/classification"
        }
      }
    },
    phaseScan: {
      type: "object",
      required: [
        "phase",
        "url",
        "finalUrl",
        "status",
        "durationMs",
        "error",
        "siteDomains",
        "cookies",
        "storage",
        "requests",
        "frames",
        "banner",
        "bannerUnrecognised",
        "policyLinks",
        "action",
        "screenshots",
        "settle"
      ],
      additionalProperties: false,
      properties: {
        phase: {
          $ref: "#/$defs/phase"
        },
        url: {
          type: "string"
        },
        finalUrl: {
          type: "string"
        },
        status: {
          type: [
            "integer",
            "null"
          ]
        },
        durationMs: {
          type: "integer",
          minimum: 0
        },
        error: {
          type: [
            "string",
            "null"
          ],
          description: "Why the page could not be scanned; such a page never passes."
        },
        siteDomains: {
          type: "array",
          items: {
            type: "string"
          }
        },
        cookies: {
          type: "array",
          items: {
            $ref: "#/$defs/cookie"
          }
        },
        storage: {
          type: "array",
          items: {
            $ref: "#/$defs/storage"
          }
        },
        requests: {
          type: "array",
          items: {
            $ref: "#/$defs/request"
          }
        },
        frames: {
          type: "array",
          items: {
            $ref: "#/$defs/frame"
          }
        },
        fingerprinting: {
          type: "array",
          items: {
            $ref: "#/$defs/fingerprinting"
          },
          description: "Fingerprinting API calls counted per API and calling script. Absent in reports written before it was gathered."
        },
        consentSignals: {
          oneOf: [
            {
              $ref: "#/$defs/consentSignals"
            },
            {
              type: "null"
            }
          ],
          description: "initial and after-reject: the consent the page's TCF API, Consent Mode and Google hits claimed; null on other visits. Absent in reports written before it was gathered."
        },
        identifiers: {
          type: "array",
          items: {
            $ref: "#/$defs/identifier"
          },
          description: "Stored values that look like identifiers, seen in requests to another host. Absent in reports written before they were gathered."
        },
        banner: {
          oneOf: [
            {
              $ref: "#/$defs/banner"
            },
            {
              type: "null"
            }
          ],
          description: "initial: the consent banner as found; null when none was."
        },
        bannerUnrecognised: {
          type: [
            "string",
            "null"
          ],
          description: "Text of something that reads like a consent notice whose controls were not recognised."
        },
        policyLinks: {
          type: "array",
          items: {
            type: "object",
            required: [
              "text",
              "url",
              "status",
              "check",
              "reason"
            ],
            additionalProperties: false,
            properties: {
              text: {
                type: "string"
              },
              url: {
                type: "string"
              },
              status: {
                type: [
                  "integer",
                  "null"
                ],
                description: "The HTTP status the browser got after redirects; null unless check is answered."
              },
              check: {
                enum: [
                  "answered",
                  "reachable",
                  "unchecked"
                ],
                description: "How the browser's fetch of the link ended: answered (with status), reachable (another site answered; CORS hides its status), unchecked (no answer in time, or the fetch failed): could not check, which is not missing."
              },
              reason: {
                type: [
                  "string",
                  "null"
                ],
                description: "Why the link could not be checked; null otherwise."
              }
            }
          }
        },
        settle: {
          oneOf: [
            {
              type: "null"
            },
            {
              type: "object",
              required: [
                "waitedMs",
                "heldBy"
              ],
              additionalProperties: false,
              properties: {
                waitedMs: {
                  type: "integer",
                  minimum: 0,
                  description: "Real time the visit spent waiting for the network before its state was recorded."
                },
                heldBy: {
                  oneOf: [
                    {
                      type: "null"
                    },
                    {
                      type: "object",
                      required: [
                        "url",
                        "resourceType",
                        "heldMs"
                      ],
                      additionalProperties: false,
                      properties: {
                        url: {
                          type: "string"
                        },
                        resourceType: {
                          type: "string"
                        },
                        heldMs: {
                          type: "integer",
                          minimum: 0
                        }
                      }
                    }
                  ],
                  description: "The request that held one wait longest; beacons, EventSource, WebSockets and streams never do."
                }
              }
            }
          ],
          description: "How long the visit waited for the page to settle; null when it failed before its state was recorded."
        },
        action: {
          oneOf: [
            {
              type: "null"
            },
            {
              type: "object",
              required: [
                "kind",
                "done",
                "detail",
                "bannerAfter"
              ],
              additionalProperties: false,
              properties: {
                kind: {
                  enum: [
                    "scroll",
                    "reject",
                    "save",
                    "accept",
                    "withdraw"
                  ]
                },
                done: {
                  type: "boolean"
                },
                detail: {
                  type: "string"
                },
                bannerAfter: {
                  enum: [
                    "visible",
                    "gone",
                    null
                  ]
                },
                reopened: {
                  description: "withdraw only: how the consent choice was opened again (policy: consent.withdraw; page: a link or button on the page; api: only the consent manager's script API); null when nothing opened it.",
                  oneOf: [
                    {
                      type: "null"
                    },
                    {
                      type: "object",
                      required: [
                        "via",
                        "control"
                      ],
                      additionalProperties: false,
                      properties: {
                        via: {
                          enum: [
                            "policy",
                            "page",
                            "api"
                          ]
                        },
                        control: {
                          type: "string"
                        }
                      }
                    }
                  ]
                }
              }
            }
          ]
        },
        screenshots: {
          description: "JPEG data: URLs of the first screen and of the banner; taken on the initial visit only when an HTML report is asked for, else null.",
          oneOf: [
            {
              type: "null"
            },
            {
              type: "object",
              required: [
                "page",
                "banner"
              ],
              additionalProperties: false,
              properties: {
                page: {
                  type: [
                    "string",
                    "null"
                  ],
                  pattern: "^data:image/jpeg;base64,"
                },
                banner: {
                  type: [
                    "string",
                    "null"
                  ],
                  pattern: "^data:image/jpeg;base64,"
                }
              }
            }
          ]
        }
      }
    },
    page: {
      type: "object",
      required: [
        "url",
        "phases",
        "skipped"
      ],
      additionalProperties: false,
      properties: {
        url: {
          type: "string"
        },
        phases: {
          type: "array",
          items: {
            $ref: "#/$defs/phaseScan"
          }
        },
        skipped: {
          type: "array",
          description: "Visits not made, each with why (no banner to answer, the page could not be scanned).",
          items: {
            type: "object",
            additionalProperties: false,
            required: [
              "phase",
              "reason"
            ],
            properties: {
              phase: {
                $ref: "#/$defs/phase"
              },
              reason: {
                type: "string"
              }
            }
          }
        }
      }
    },
    finding: {
      type: "object",
      required: [
        "rule",
        "severity",
        "page",
        "phase",
        "subject",
        "category",
        "vendor",
        "party",
        "message",
        "messageId",
        "data",
        "evidence",
        "chain",
        "seenIn",
        "fingerprint",
        "status",
        "because",
        "notes"
      ],
      additionalProperties: false,
      properties: {
        rule: {
          type: "string"
        },
        severity: {
          enum: [
            "error",
            "warn"
          ]
        },
        page: {
          type: "string"
        },
        phase: {
          $ref: "#/$defs/phase"
        },
        subject: {
          $ref: "#/$defs/subject"
        },
        category: {
          $ref: "#/$defs/category"
        },
        vendor: {
          type: [
            "string",
            "null"
          ]
        },
        party: {
          oneOf: [
            {
              $ref: "#/$defs/party"
            },
            {
              type: "null"
            }
          ]
        },
        message: {
          type: "string",
          description: "In English, rendered from the rule's message template."
        },
        messageId: {
          type: "string",
          description: "The key of the rule's message template; with data, lets a reader word the finding anew."
        },
        data: {
          type: "object",
          additionalProperties: {
            type: [
              "string",
              "number"
            ]
          },
          description: "The values filled into the message template."
        },
        evidence: {
          type: "array",
          items: {
            type: "string"
          },
          description: "What set or loaded it."
        },
        chain: {
          type: "array",
          items: {
            $ref: "#/$defs/chainLink"
          },
          description: "From the page to what set or loaded the subject; the last link is the request, frame or writing script itself. Empty for findings about the page or its banner."
        },
        seenIn: {
          type: "array",
          items: {
            $ref: "#/$defs/phase"
          },
          description: "Every visit of the page that showed the same thing tracking, this one included."
        },
        fingerprint: {
          type: "string",
          pattern: "^[0-9a-f]{16}$",
          description: "Stable across runs, preview hosts, query strings and cookie values."
        },
        status: {
          enum: [
            "new",
            "baselined",
            "allowed"
          ],
          description: "Only new findings at or above failOn fail the gate."
        },
        because: {
          type: [
            "string",
            "null"
          ],
          description: "The allow entry's reason (allowed, or an exempt third-party analytics finding kept as a warning); the baseline note when baselined."
        },
        notes: {
          type: "array",
          items: {
            type: "string"
          },
          description: "Why a matching allow entry was not applied, or lowered the severity."
        }
      }
    },
    verdict: {
      type: "object",
      required: [
        "status",
        "exitCode",
        "errors",
        "warnings",
        "scanErrors",
        "baselined",
        "allowed",
        "fixed",
        "reason"
      ],
      additionalProperties: false,
      properties: {
        status: {
          enum: [
            "passed",
            "failed",
            "incomplete"
          ]
        },
        exitCode: {
          enum: [
            0,
            1,
            3
          ]
        },
        errors: {
          type: "integer",
          minimum: 0,
          description: "New error findings."
        },
        warnings: {
          type: "integer",
          minimum: 0,
          description: "New warning findings."
        },
        scanErrors: {
          type: "integer",
          minimum: 0
        },
        reason: {
          type: "string"
        },
        baselined: {
          type: "integer",
          minimum: 0
        },
        allowed: {
          type: "integer",
          minimum: 0
        },
        fixed: {
          type: "integer",
          minimum: 0
        }
      }
    },
    subject: {
      type: "object",
      required: [
        "kind"
      ],
      additionalProperties: false,
      properties: {
        kind: {
          enum: [
            "cookie",
            "storage",
            "request",
            "frame",
            "page",
            "banner"
          ]
        },
        name: {
          type: "string"
        },
        host: {
          type: "string"
        },
        url: {
          type: "string"
        },
        storage: {
          enum: [
            "localStorage",
            "sessionStorage",
            "indexedDB"
          ]
        }
      }
    },
    fixed: {
      type: "object",
      required: [
        "fingerprint",
        "rule",
        "phase",
        "subject",
        "pages"
      ],
      additionalProperties: false,
      properties: {
        fingerprint: {
          type: "string",
          pattern: "^[0-9a-f]{16}$"
        },
        rule: {
          type: "string"
        },
        phase: {
          $ref: "#/$defs/phase"
        },
        subject: {
          $ref: "#/$defs/subject"
        },
        pages: {
          type: "array",
          items: {
            type: "string"
          }
        }
      }
    },
    control: {
      type: [
        "object",
        "null"
      ],
      required: [
        "text",
        "kind",
        "layer"
      ],
      additionalProperties: false,
      properties: {
        text: {
          type: "string"
        },
        kind: {
          enum: [
            "button",
            "link"
          ]
        },
        layer: {
          enum: [
            1,
            2
          ]
        }
      }
    },
    banner: {
      type: "object",
      required: [
        "source",
        "frameUrl",
        "text",
        "accept",
        "reject",
        "save",
        "settings",
        "toggles",
        "visibleAfterWait"
      ],
      additionalProperties: false,
      properties: {
        source: {
          enum: [
            "policy",
            "heuristic"
          ]
        },
        frameUrl: {
          type: [
            "string",
            "null"
          ]
        },
        text: {
          type: "string"
        },
        accept: {
          $ref: "#/$defs/control"
        },
        reject: {
          $ref: "#/$defs/control"
        },
        save: {
          $ref: "#/$defs/control"
        },
        settings: {
          $ref: "#/$defs/control"
        },
        toggles: {
          type: "array",
          items: {
            type: "object",
            required: [
              "label",
              "checked",
              "locked",
              "layer"
            ],
            additionalProperties: false,
            properties: {
              label: {
                type: "string"
              },
              checked: {
                type: "boolean"
              },
              locked: {
                type: "boolean"
              },
              layer: {
                enum: [
                  1,
                  2
                ]
              }
            }
          }
        },
        visibleAfterWait: {
          type: "boolean"
        }
      }
    },
    initiator: {
      type: "object",
      required: [
        "type",
        "url",
        "line"
      ],
      additionalProperties: false,
      description: "What made the browser send the request, from Chromium's DevTools protocol.",
      properties: {
        type: {
          enum: [
            "html",
            "script",
            "redirect",
            "other"
          ],
          description: "html: a tag in a document; script: running code (async parents followed); redirect: the previous hop answered 3xx; other: navigation, preload, the browser."
        },
        url: {
          type: [
            "string",
            "null"
          ],
          description: "The document, script or redirecting URL."
        },
        line: {
          type: [
            "integer",
            "null"
          ],
          minimum: 1,
          description: "Line in that document or script."
        }
      }
    },
    chainLink: {
      type: "object",
      required: [
        "url",
        "via",
        "line"
      ],
      additionalProperties: false,
      properties: {
        url: {
          type: "string"
        },
        via: {
          enum: [
            "page",
            "html",
            "script",
            "redirect",
            "frame",
            "unknown"
          ],
          description: "How this step was reached from the one before: page starts every chain; frame: inside the embed before it; unknown: the trail is lost here."
        },
        line: {
          type: [
            "integer",
            "null"
          ],
          minimum: 1,
          description: "Line of the previous document or script that loaded this step."
        }
      }
    },
    rule: {
      type: "object",
      additionalProperties: false,
      required: [
        "id",
        "title",
        "description",
        "legalBasis",
        "plainWords",
        "defaultSeverity",
        "failClosed",
        "docsUrl"
      ],
      properties: {
        id: {
          type: "string"
        },
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        legalBasis: {
          type: "string"
        },
        plainWords: {
          type: "string"
        },
        defaultSeverity: {
          enum: [
            "error",
            "warn"
          ]
        },
        failClosed: {
          type: "boolean",
          description: "Its findings mean a page was not looked at: the run is incomplete."
        },
        docsUrl: {
          type: "string",
          format: "uri"
        }
      }
    },
    coverage: {
      type: "object",
      additionalProperties: false,
      required: [
        "found",
        "scanned",
        "leftOut"
      ],
      description: "How many pages were found, scanned and left out, and why: partial coverage is never silent.",
      properties: {
        found: {
          type: "integer",
          minimum: 0,
          description: "Pages found on the target: the ones scanned plus the ones left out."
        },
        scanned: {
          type: "integer",
          minimum: 0
        },
        leftOut: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: [
              "reason",
              "count",
              "examples",
              "message"
            ],
            properties: {
              reason: {
                enum: [
                  "max-pages",
                  "excluded",
                  "other-host",
                  "sitemap-unreadable"
                ],
                description: "max-pages: beyond the cap; excluded: matched --exclude; other-host: sitemap pages on another host; sitemap-unreadable: a sitemap that could not be read, so its pages are unknown."
              },
              count: {
                type: "integer",
                minimum: 1,
                description: "Pages left out; for sitemap-unreadable, the sitemaps that could not be read."
              },
              examples: {
                type: "array",
                items: {
                  type: "string"
                },
                description: "The first few of them."
              },
              message: {
                type: "string",
                description: "What was left out, why, and how to include it."
              }
            }
          }
        },
        shard: {
          type: "object",
          additionalProperties: false,
          required: [
            "index",
            "total",
            "of",
            "pages",
            "settings"
          ],
          description: "Set when the run scanned one shard of the pages (--shard I/N): what merge-reports checks.",
          properties: {
            index: {
              type: "integer",
              minimum: 1,
              description: "This shard, from 1."
            },
            total: {
              type: "integer",
              minimum: 1,
              description: "How many shards the pages were split into."
            },
            of: {
              type: "integer",
              minimum: 0,
              description: "Pages in the list before it was split: all shards together scan this many."
            },
            pages: {
              type: "array",
              items: {
                type: "string"
              },
              description: "The path (and query) of each page this shard drew; possibly none."
            },
            settings: {
              type: "string",
              description: "Digest of the settings that decide what is scanned and how: the shards of one run share it."
            }
          }
        }
      }
    },
    consentSignals: {
      type: "object",
      required: [
        "tcf",
        "consentMode",
        "googleHits"
      ],
      additionalProperties: false,
      properties: {
        tcf: {
          oneOf: [
            {
              type: "null"
            },
            {
              type: "object",
              required: [
                "answered",
                "gdprApplies",
                "eventStatus",
                "cmpId",
                "tcString",
                "purposeConsents",
                "vendorConsents",
                "decodeError"
              ],
              additionalProperties: false,
              properties: {
                answered: {
                  type: "boolean",
                  description: "False when __tcfapi gave no TC data within the wait."
                },
                gdprApplies: {
                  type: [
                    "boolean",
                    "null"
                  ]
                },
                eventStatus: {
                  type: [
                    "string",
                    "null"
                  ]
                },
                cmpId: {
                  type: [
                    "integer",
                    "null"
                  ]
                },
                tcString: {
                  type: [
                    "string",
                    "null"
                  ]
                },
                purposeConsents: {
                  type: "array",
                  items: {
                    type: "integer"
                  },
                  description: "Purpose ids whose consent bit the TC string sets."
                },
                vendorConsents: {
                  type: "array",
                  items: {
                    type: "integer"
                  },
                  description: "Vendor ids whose consent bit the TC string sets."
                },
                decodeError: {
                  type: [
                    "string",
                    "null"
                  ]
                }
              }
            }
          ],
          description: "What the page's IAB TCF API answered to getTCData; null when the page has no __tcfapi."
        },
        consentMode: {
          type: "array",
          items: {
            type: "object",
            required: [
              "command",
              "state"
            ],
            additionalProperties: false,
            properties: {
              command: {
                enum: [
                  "default",
                  "update"
                ]
              },
              state: {
                type: "object",
                additionalProperties: {
                  enum: [
                    "granted",
                    "denied"
                  ]
                }
              }
            }
          },
          description: "The gtag('consent', \u2026) commands in the page's dataLayer, in order."
        },
        googleHits: {
          type: "array",
          items: {
            type: "object",
            required: [
              "url",
              "gcs",
              "gcd",
              "state"
            ],
            additionalProperties: false,
            properties: {
              url: {
                type: "string"
              },
              gcs: {
                type: [
                  "string",
                  "null"
                ]
              },
              gcd: {
                type: [
                  "string",
                  "null"
                ]
              },
              state: {
                type: "object",
                additionalProperties: false,
                properties: {
                  ad_storage: {
                    enum: [
                      "granted",
                      "denied"
                    ]
                  },
                  analytics_storage: {
                    enum: [
                      "granted",
                      "denied"
                    ]
                  },
                  ad_user_data: {
                    enum: [
                      "granted",
                      "denied"
                    ]
                  },
                  ad_personalization: {
                    enum: [
                      "granted",
                      "denied"
                    ]
                  }
                }
              }
            }
          },
          description: "Requests to Google hosts that carried Consent Mode's gcs or gcd parameter, and what they said."
        }
      }
    }
  }
};

// src/entry/judge.ts
var validator = once(() => new import__.default.default({ allErrors: true, strict: false, validateFormats: false }).compile(report_schema_default));
function readReport(path) {
  const name = relative(process.cwd(), path) || path;
  let data;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new GateError(`${name}: cannot read it as JSON (${errorText(error)}). Give a report written by --format json.`, 2, error);
  }
  const validate = validator();
  if (!validate(data)) {
    const first = validate.errors?.[0];
    throw new GateError(`${name} is not a consent-gate JSON report (${first?.instancePath || "/"}: ${first?.message ?? "invalid"}). Write one with: consent-gate scan --format json -o ${name}`);
  }
  return data;
}
function judgeReport(path, policy, options = {}) {
  return judgeSaved(readReport(path), policy, options);
}
function judgeSaved(saved, policy, options = {}) {
  const pages = saved.pages.map((page) => ({
    ...page,
    phases: page.phases.map((scan) => ({ ...scan, fingerprinting: scan.fingerprinting ?? [], consentSignals: scan.consentSignals ?? null, identifiers: scan.identifiers ?? [] }))
  }));
  const stored = readBaseline(policy.baselinePath);
  const known = stored ?? emptyBaseline();
  const started = Date.now();
  const findings = pages.flatMap((page) => judgePage(page, policy, known));
  const concluded = concludeRun(findings, saved.target.urls, known, options.updateBaseline ?? null, new Date(started).toISOString().slice(0, 10));
  if (concluded.nextBaseline) writeBaseline(policy.baselinePath, concluded.nextBaseline);
  const { tool, data: lists, browser, startedAt, durationMs, coverage, target } = saved;
  return resultOf({ tool, data: lists, browser, startedAt, durationMs, coverage, target }, saved.pages, concluded, policy, { found: stored !== null });
}

export {
  readReport,
  judgeReport,
  judgeSaved
};
