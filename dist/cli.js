#!/usr/bin/env node
import { createRequire as __memgateRequire } from 'node:module'; const require = __memgateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a2, b) => (typeof require !== "undefined" ? require : a2)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/isexe/windows.js
var require_windows = __commonJS({
  "node_modules/isexe/windows.js"(exports, module) {
    module.exports = isexe;
    isexe.sync = sync;
    var fs = __require("fs");
    function checkPathExt(path6, options2) {
      var pathext = options2.pathExt !== void 0 ? options2.pathExt : process.env.PATHEXT;
      if (!pathext) {
        return true;
      }
      pathext = pathext.split(";");
      if (pathext.indexOf("") !== -1) {
        return true;
      }
      for (var i2 = 0; i2 < pathext.length; i2++) {
        var p = pathext[i2].toLowerCase();
        if (p && path6.substr(-p.length).toLowerCase() === p) {
          return true;
        }
      }
      return false;
    }
    function checkStat(stat2, path6, options2) {
      if (!stat2.isSymbolicLink() && !stat2.isFile()) {
        return false;
      }
      return checkPathExt(path6, options2);
    }
    function isexe(path6, options2, cb) {
      fs.stat(path6, function(er, stat2) {
        cb(er, er ? false : checkStat(stat2, path6, options2));
      });
    }
    function sync(path6, options2) {
      return checkStat(fs.statSync(path6), path6, options2);
    }
  }
});

// node_modules/isexe/mode.js
var require_mode = __commonJS({
  "node_modules/isexe/mode.js"(exports, module) {
    module.exports = isexe;
    isexe.sync = sync;
    var fs = __require("fs");
    function isexe(path6, options2, cb) {
      fs.stat(path6, function(er, stat2) {
        cb(er, er ? false : checkStat(stat2, options2));
      });
    }
    function sync(path6, options2) {
      return checkStat(fs.statSync(path6), options2);
    }
    function checkStat(stat2, options2) {
      return stat2.isFile() && checkMode(stat2, options2);
    }
    function checkMode(stat2, options2) {
      var mod = stat2.mode;
      var uid = stat2.uid;
      var gid = stat2.gid;
      var myUid = options2.uid !== void 0 ? options2.uid : process.getuid && process.getuid();
      var myGid = options2.gid !== void 0 ? options2.gid : process.getgid && process.getgid();
      var u2 = parseInt("100", 8);
      var g2 = parseInt("010", 8);
      var o2 = parseInt("001", 8);
      var ug = u2 | g2;
      var ret = mod & o2 || mod & g2 && gid === myGid || mod & u2 && uid === myUid || mod & ug && myUid === 0;
      return ret;
    }
  }
});

// node_modules/isexe/index.js
var require_isexe = __commonJS({
  "node_modules/isexe/index.js"(exports, module) {
    var fs = __require("fs");
    var core;
    if (process.platform === "win32" || global.TESTING_WINDOWS) {
      core = require_windows();
    } else {
      core = require_mode();
    }
    module.exports = isexe;
    isexe.sync = sync;
    function isexe(path6, options2, cb) {
      if (typeof options2 === "function") {
        cb = options2;
        options2 = {};
      }
      if (!cb) {
        if (typeof Promise !== "function") {
          throw new TypeError("callback not provided");
        }
        return new Promise(function(resolve7, reject) {
          isexe(path6, options2 || {}, function(er, is) {
            if (er) {
              reject(er);
            } else {
              resolve7(is);
            }
          });
        });
      }
      core(path6, options2 || {}, function(er, is) {
        if (er) {
          if (er.code === "EACCES" || options2 && options2.ignoreErrors) {
            er = null;
            is = false;
          }
        }
        cb(er, is);
      });
    }
    function sync(path6, options2) {
      try {
        return core.sync(path6, options2 || {});
      } catch (er) {
        if (options2 && options2.ignoreErrors || er.code === "EACCES") {
          return false;
        } else {
          throw er;
        }
      }
    }
  }
});

// node_modules/which/which.js
var require_which = __commonJS({
  "node_modules/which/which.js"(exports, module) {
    var isWindows = process.platform === "win32" || process.env.OSTYPE === "cygwin" || process.env.OSTYPE === "msys";
    var path6 = __require("path");
    var COLON = isWindows ? ";" : ":";
    var isexe = require_isexe();
    var getNotFoundError = (cmd) => Object.assign(new Error(`not found: ${cmd}`), { code: "ENOENT" });
    var getPathInfo = (cmd, opt) => {
      const colon = opt.colon || COLON;
      const pathEnv = cmd.match(/\//) || isWindows && cmd.match(/\\/) ? [""] : [
        // windows always checks the cwd first
        ...isWindows ? [process.cwd()] : [],
        ...(opt.path || process.env.PATH || /* istanbul ignore next: very unusual */
        "").split(colon)
      ];
      const pathExtExe = isWindows ? opt.pathExt || process.env.PATHEXT || ".EXE;.CMD;.BAT;.COM" : "";
      const pathExt = isWindows ? pathExtExe.split(colon) : [""];
      if (isWindows) {
        if (cmd.indexOf(".") !== -1 && pathExt[0] !== "")
          pathExt.unshift("");
      }
      return {
        pathEnv,
        pathExt,
        pathExtExe
      };
    };
    var which2 = (cmd, opt, cb) => {
      if (typeof opt === "function") {
        cb = opt;
        opt = {};
      }
      if (!opt)
        opt = {};
      const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt);
      const found = [];
      const step = (i2) => new Promise((resolve7, reject) => {
        if (i2 === pathEnv.length)
          return opt.all && found.length ? resolve7(found) : reject(getNotFoundError(cmd));
        const ppRaw = pathEnv[i2];
        const pathPart = /^".*"$/.test(ppRaw) ? ppRaw.slice(1, -1) : ppRaw;
        const pCmd = path6.join(pathPart, cmd);
        const p = !pathPart && /^\.[\\\/]/.test(cmd) ? cmd.slice(0, 2) + pCmd : pCmd;
        resolve7(subStep(p, i2, 0));
      });
      const subStep = (p, i2, ii) => new Promise((resolve7, reject) => {
        if (ii === pathExt.length)
          return resolve7(step(i2 + 1));
        const ext = pathExt[ii];
        isexe(p + ext, { pathExt: pathExtExe }, (er, is) => {
          if (!er && is) {
            if (opt.all)
              found.push(p + ext);
            else
              return resolve7(p + ext);
          }
          return resolve7(subStep(p, i2, ii + 1));
        });
      });
      return cb ? step(0).then((res) => cb(null, res), cb) : step(0);
    };
    var whichSync = (cmd, opt) => {
      opt = opt || {};
      const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt);
      const found = [];
      for (let i2 = 0; i2 < pathEnv.length; i2++) {
        const ppRaw = pathEnv[i2];
        const pathPart = /^".*"$/.test(ppRaw) ? ppRaw.slice(1, -1) : ppRaw;
        const pCmd = path6.join(pathPart, cmd);
        const p = !pathPart && /^\.[\\\/]/.test(cmd) ? cmd.slice(0, 2) + pCmd : pCmd;
        for (let j = 0; j < pathExt.length; j++) {
          const cur = p + pathExt[j];
          try {
            const is = isexe.sync(cur, { pathExt: pathExtExe });
            if (is) {
              if (opt.all)
                found.push(cur);
              else
                return cur;
            }
          } catch (ex) {
          }
        }
      }
      if (opt.all && found.length)
        return found;
      if (opt.nothrow)
        return null;
      throw getNotFoundError(cmd);
    };
    module.exports = which2;
    which2.sync = whichSync;
  }
});

// node_modules/path-key/index.js
var require_path_key = __commonJS({
  "node_modules/path-key/index.js"(exports, module) {
    "use strict";
    var pathKey3 = (options2 = {}) => {
      const environment = options2.env || process.env;
      const platform2 = options2.platform || process.platform;
      if (platform2 !== "win32") {
        return "PATH";
      }
      return Object.keys(environment).reverse().find((key) => key.toUpperCase() === "PATH") || "Path";
    };
    module.exports = pathKey3;
    module.exports.default = pathKey3;
  }
});

// node_modules/cross-spawn/lib/util/resolveCommand.js
var require_resolveCommand = __commonJS({
  "node_modules/cross-spawn/lib/util/resolveCommand.js"(exports, module) {
    "use strict";
    var path6 = __require("path");
    var which2 = require_which();
    var getPathKey = require_path_key();
    function getPathExt(env) {
      const key = Object.keys(env).find((name) => name.toUpperCase() === "PATHEXT");
      return key ? env[key] : void 0;
    }
    function resolveCommandAttempt(parsed, withoutPathExt) {
      const env = parsed.options.env || process.env;
      const cwd = process.cwd();
      const hasCustomCwd = parsed.options.cwd != null;
      const shouldSwitchCwd = hasCustomCwd && process.chdir !== void 0 && !process.chdir.disabled;
      if (shouldSwitchCwd) {
        try {
          process.chdir(parsed.options.cwd);
        } catch (err) {
        }
      }
      let resolved;
      try {
        resolved = which2.sync(parsed.command, {
          path: env[getPathKey({ env })],
          pathExt: withoutPathExt ? path6.delimiter : getPathExt(env)
        });
      } catch (e) {
      } finally {
        if (shouldSwitchCwd) {
          process.chdir(cwd);
        }
      }
      if (resolved) {
        resolved = path6.resolve(hasCustomCwd ? parsed.options.cwd : "", resolved);
      }
      return resolved;
    }
    function resolveCommand(parsed) {
      return resolveCommandAttempt(parsed) || resolveCommandAttempt(parsed, true);
    }
    module.exports = resolveCommand;
  }
});

// node_modules/cross-spawn/lib/util/escape.js
var require_escape = __commonJS({
  "node_modules/cross-spawn/lib/util/escape.js"(exports, module) {
    "use strict";
    var metaCharsRegExp = /([()\][!^"`<>&|;, *?])/g;
    var lineBreakRegExp = /[\r\n]/;
    function assertNoLineBreaks(arg) {
      if (lineBreakRegExp.test(arg)) {
        throw new TypeError("The command and its arguments cannot contain line breaks when executed through cmd.exe");
      }
    }
    function escapePercent(arg) {
      return arg.replace(/%/g, "%%cd:~,%");
    }
    function quoteArgument(arg, escapedQuote) {
      let quoted2 = '"';
      let backslashes = 0;
      for (const char of arg) {
        if (char === "\\") {
          backslashes += 1;
          continue;
        }
        if (char === '"') {
          quoted2 += "\\".repeat(backslashes * 2) + escapedQuote;
        } else {
          quoted2 += "\\".repeat(backslashes) + char;
        }
        backslashes = 0;
      }
      return `${quoted2}${"\\".repeat(backslashes * 2)}"`;
    }
    function escapeCommand(arg) {
      assertNoLineBreaks(arg);
      return `"${escapePercent(arg)}"`;
    }
    function escapeArgument(arg) {
      arg = `${arg}`;
      assertNoLineBreaks(arg);
      arg = quoteArgument(arg, '\\"');
      arg = escapePercent(arg.replace(metaCharsRegExp, "^$1"));
      return arg;
    }
    function escapeBatchCommand(arg) {
      assertNoLineBreaks(arg);
      return `"${escapePercent(arg)}"`;
    }
    function escapeBatchArgument(arg) {
      arg = `${arg}`;
      assertNoLineBreaks(arg);
      return escapePercent(quoteArgument(arg, '""'));
    }
    module.exports.command = escapeCommand;
    module.exports.argument = escapeArgument;
    module.exports.batchCommand = escapeBatchCommand;
    module.exports.batchArgument = escapeBatchArgument;
  }
});

// node_modules/shebang-regex/index.js
var require_shebang_regex = __commonJS({
  "node_modules/shebang-regex/index.js"(exports, module) {
    "use strict";
    module.exports = /^#!(.*)/;
  }
});

// node_modules/shebang-command/index.js
var require_shebang_command = __commonJS({
  "node_modules/shebang-command/index.js"(exports, module) {
    "use strict";
    var shebangRegex = require_shebang_regex();
    module.exports = (string2 = "") => {
      const match = string2.match(shebangRegex);
      if (!match) {
        return null;
      }
      const [path6, argument] = match[0].replace(/#! ?/, "").split(" ");
      const binary = path6.split("/").pop();
      if (binary === "env") {
        return argument;
      }
      return argument ? `${binary} ${argument}` : binary;
    };
  }
});

// node_modules/cross-spawn/lib/util/readShebang.js
var require_readShebang = __commonJS({
  "node_modules/cross-spawn/lib/util/readShebang.js"(exports, module) {
    "use strict";
    var fs = __require("fs");
    var shebangCommand = require_shebang_command();
    function readShebang(command) {
      const size = 150;
      const buffer = Buffer.alloc(size);
      let fd;
      try {
        fd = fs.openSync(command, "r");
        fs.readSync(fd, buffer, 0, size, 0);
      } catch (e) {
      } finally {
        if (fd !== void 0) {
          try {
            fs.closeSync(fd);
          } catch (e) {
          }
        }
      }
      return shebangCommand(buffer.toString());
    }
    module.exports = readShebang;
  }
});

// node_modules/cross-spawn/lib/parse.js
var require_parse = __commonJS({
  "node_modules/cross-spawn/lib/parse.js"(exports, module) {
    "use strict";
    var path6 = __require("path");
    var resolveCommand = require_resolveCommand();
    var escape = require_escape();
    var readShebang = require_readShebang();
    var isWin = process.platform === "win32";
    var isExecutableRegExp = /\.(?:com|exe)$/i;
    var isBatchFileRegExp = /\.(?:bat|cmd)$/i;
    var trailingDotsAndSpacesRegExp = /[.\s]+$/;
    function detectShebang(parsed) {
      parsed.file = resolveCommand(parsed);
      const shebang = parsed.file && readShebang(parsed.file);
      if (shebang) {
        parsed.args.unshift(parsed.file);
        parsed.command = shebang;
        return resolveCommand(parsed);
      }
      return parsed.file;
    }
    function isBatchFile(parsed, commandFile) {
      if (commandFile) {
        return isBatchFileRegExp.test(commandFile.replace(trailingDotsAndSpacesRegExp, ""));
      }
      const command = parsed.command.replace(trailingDotsAndSpacesRegExp, "");
      const file = command !== parsed.command ? resolveCommand(Object.assign({}, parsed, { command })) : null;
      return isBatchFileRegExp.test(file || command);
    }
    function parseNonShell(parsed) {
      if (!isWin) {
        return parsed;
      }
      parsed.command = parsed.command.replace(/"/g, "");
      const commandFile = detectShebang(parsed);
      const needsShell = !isExecutableRegExp.test(commandFile);
      if (parsed.options.forceShell || needsShell) {
        parsed.command = path6.normalize(parsed.command);
        if (isBatchFile(parsed, commandFile)) {
          parsed.command = escape.batchCommand(commandFile ? path6.normalize(commandFile) : parsed.command);
          parsed.args = parsed.args.map((arg) => escape.batchArgument(arg));
        } else {
          parsed.command = escape.command(parsed.command);
          parsed.args = parsed.args.map((arg) => escape.argument(arg));
        }
        const shellCommand = [parsed.command].concat(parsed.args).join(" ");
        parsed.args = ["/d", "/e:on", "/v:off", "/s", "/c", `"${shellCommand}"`];
        parsed.command = process.env.comspec || "cmd.exe";
        parsed.options.windowsVerbatimArguments = true;
      }
      return parsed;
    }
    function parse(command, args, options2) {
      if (args && !Array.isArray(args)) {
        options2 = args;
        args = null;
      }
      args = args ? args.slice(0) : [];
      options2 = Object.assign({}, options2);
      const parsed = {
        command,
        args,
        options: options2,
        file: void 0,
        original: {
          command,
          args
        }
      };
      return options2.shell ? parsed : parseNonShell(parsed);
    }
    module.exports = parse;
  }
});

// node_modules/cross-spawn/lib/enoent.js
var require_enoent = __commonJS({
  "node_modules/cross-spawn/lib/enoent.js"(exports, module) {
    "use strict";
    var isWin = process.platform === "win32";
    function notFoundError(original, syscall) {
      return Object.assign(new Error(`${syscall} ${original.command} ENOENT`), {
        code: "ENOENT",
        errno: "ENOENT",
        syscall: `${syscall} ${original.command}`,
        path: original.command,
        spawnargs: original.args
      });
    }
    function hookChildProcess(cp, parsed) {
      if (!isWin) {
        return;
      }
      const originalEmit = cp.emit;
      cp.emit = function(name, arg1) {
        if (name === "exit") {
          const err = verifyENOENT(arg1, parsed);
          if (err) {
            return originalEmit.call(cp, "error", err);
          }
        }
        return originalEmit.apply(cp, arguments);
      };
    }
    function verifyENOENT(status2, parsed) {
      if (isWin && status2 === 1 && !parsed.file) {
        return notFoundError(parsed.original, "spawn");
      }
      return null;
    }
    function verifyENOENTSync(status2, parsed) {
      if (isWin && status2 === 1 && !parsed.file) {
        return notFoundError(parsed.original, "spawnSync");
      }
      return null;
    }
    module.exports = {
      hookChildProcess,
      verifyENOENT,
      verifyENOENTSync,
      notFoundError
    };
  }
});

// node_modules/cross-spawn/index.js
var require_cross_spawn = __commonJS({
  "node_modules/cross-spawn/index.js"(exports, module) {
    "use strict";
    var cp = __require("child_process");
    var parse = require_parse();
    var enoent = require_enoent();
    function spawn5(command, args, options2) {
      const parsed = parse(command, args, options2);
      const spawned = cp.spawn(parsed.command, parsed.args, parsed.options);
      enoent.hookChildProcess(spawned, parsed);
      return spawned;
    }
    function spawnSync2(command, args, options2) {
      const parsed = parse(command, args, options2);
      const result = cp.spawnSync(parsed.command, parsed.args, parsed.options);
      result.error = result.error || enoent.verifyENOENTSync(result.status, parsed);
      return result;
    }
    module.exports = spawn5;
    module.exports.spawn = spawn5;
    module.exports.sync = spawnSync2;
    module.exports._parse = parse;
    module.exports._enoent = enoent;
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity3.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path6) {
      const ctrl = callVisitor(key, node, visitor, path6);
      if (identity3.isNode(ctrl) || identity3.isPair(ctrl)) {
        replaceNode(key, path6, ctrl);
        return visit_(key, ctrl, visitor, path6);
      }
      if (typeof ctrl !== "symbol") {
        if (identity3.isCollection(node)) {
          path6 = Object.freeze(path6.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = visit_(i2, node.items[i2], visitor, path6);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity3.isPair(node)) {
          path6 = Object.freeze(path6.concat(node));
          const ck = visit_("key", node.key, visitor, path6);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path6);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity3.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path6) {
      const ctrl = await callVisitor(key, node, visitor, path6);
      if (identity3.isNode(ctrl) || identity3.isPair(ctrl)) {
        replaceNode(key, path6, ctrl);
        return visitAsync_(key, ctrl, visitor, path6);
      }
      if (typeof ctrl !== "symbol") {
        if (identity3.isCollection(node)) {
          path6 = Object.freeze(path6.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = await visitAsync_(i2, node.items[i2], visitor, path6);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity3.isPair(node)) {
          path6 = Object.freeze(path6.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path6);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path6);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path6) {
      if (typeof visitor === "function")
        return visitor(key, node, path6);
      if (identity3.isMap(node))
        return visitor.Map?.(key, node, path6);
      if (identity3.isSeq(node))
        return visitor.Seq?.(key, node, path6);
      if (identity3.isPair(node))
        return visitor.Pair?.(key, node, path6);
      if (identity3.isScalar(node))
        return visitor.Scalar?.(key, node, path6);
      if (identity3.isAlias(node))
        return visitor.Alias?.(key, node, path6);
      return void 0;
    }
    function replaceNode(key, path6, node) {
      const parent = path6[path6.length - 1];
      if (identity3.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity3.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity3.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity3.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity3.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity3.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor2) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor2)) {
        const sa = JSON.stringify(anchor2);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i2 = 1; true; ++i2) {
        const name = `${prefix}${i2}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor2 = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor2);
          return anchor2;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity3.isScalar(ref.node) || identity3.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i2 = 0, len = val.length; i2 < len; ++i2) {
            const v0 = val[i2];
            const v1 = applyReviver(reviver, val, String(i2), v0);
            if (v1 === void 0)
              delete val[i2];
            else if (v1 !== v0)
              val[i2] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    function toJS(value4, arg, ctx) {
      if (Array.isArray(value4))
        return value4.map((v, i2) => toJS(v, String(i2), ctx));
      if (value4 && typeof value4.toJSON === "function") {
        if (!ctx || !identity3.hasAnchor(value4))
          return value4.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value4, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value4.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value4 === "bigint" && !ctx?.keep)
        return Number(value4);
      return value4;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity3 = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity3.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity3.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity3 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity3.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity3.isAlias(node) || identity3.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity3.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor2 = anchors2 && source && anchors2.get(source);
        return anchor2 ? anchor2.count * anchor2.aliasCount : 0;
      } else if (identity3.isCollection(node)) {
        let count2 = 0;
        for (const item of node.items) {
          const c3 = getAliasCount(doc, item, anchors2);
          if (c3 > count2)
            count2 = c3;
        }
        return count2;
      } else if (identity3.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value4) => !value4 || typeof value4 !== "function" && typeof value4 !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value4) {
        super(identity3.SCALAR);
        this.value = value4;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value4, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value4) && !t.format);
    }
    function createNode(value4, tagName, ctx) {
      if (identity3.isDocument(value4))
        value4 = value4.contents;
      if (identity3.isNode(value4))
        return value4;
      if (identity3.isPair(value4)) {
        const map = ctx.schema[identity3.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value4);
        return map;
      }
      if (value4 instanceof String || value4 instanceof Number || value4 instanceof Boolean || typeof BigInt !== "undefined" && value4 instanceof BigInt) {
        value4 = value4.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value4 && typeof value4 === "object") {
        ref = sourceObjects.get(value4);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value4));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value4, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value4, tagName, schema.tags);
      if (!tagObj) {
        if (value4 && typeof value4.toJSON === "function") {
          value4 = value4.toJSON();
        }
        if (!value4 || typeof value4 !== "object") {
          const node2 = new Scalar.Scalar(value4);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value4 instanceof Map ? schema[identity3.MAP] : Symbol.iterator in Object(value4) ? schema[identity3.SEQ] : schema[identity3.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value4, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value4, ctx) : new Scalar.Scalar(value4);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity3 = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path6, value4) {
      let v = value4;
      for (let i2 = path6.length - 1; i2 >= 0; --i2) {
        const k = path6[i2];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a2 = [];
          a2[k] = v;
          v = a2;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path6) => path6 == null || typeof path6 === "object" && !!path6[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity3.isNode(it) || identity3.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path6, value4) {
        if (isEmptyPath(path6))
          this.add(value4);
        else {
          const [key, ...rest] = path6;
          const node = this.get(key, true);
          if (identity3.isCollection(node))
            node.addIn(rest, value4);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value4));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path6) {
        const [key, ...rest] = path6;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity3.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path6, keepScalar) {
        const [key, ...rest] = path6;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity3.isScalar(node) ? node.value : node;
        else
          return identity3.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity3.isPair(node))
            return false;
          const n2 = node.value;
          return n2 == null || allowScalar && identity3.isScalar(n2) && n2.value == null && !n2.commentBefore && !n2.comment && !n2.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path6) {
        const [key, ...rest] = path6;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity3.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path6, value4) {
        const [key, ...rest] = path6;
        if (rest.length === 0) {
          this.set(key, value4);
        } else {
          const node = this.get(key, true);
          if (identity3.isCollection(node))
            node.setIn(rest, value4);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value4));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split2 = void 0;
      let prev = void 0;
      let overflow = false;
      let i2 = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i2 = consumeMoreIndentedLines(text, i2, indent.length);
        if (i2 !== -1)
          end = i2 + endStep;
      }
      for (let ch; ch = text[i2 += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i2;
          switch (text[i2 + 1]) {
            case "x":
              i2 += 3;
              break;
            case "u":
              i2 += 5;
              break;
            case "U":
              i2 += 9;
              break;
            default:
              i2 += 1;
          }
          escEnd = i2;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i2 = consumeMoreIndentedLines(text, i2, indent.length);
          end = i2 + indent.length + endStep;
          split2 = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i2 + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split2 = i2;
          }
          if (i2 >= end) {
            if (split2) {
              folds.push(split2);
              end = split2 + endStep;
              split2 = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i2 += 1];
                overflow = true;
              }
              const j = i2 > escEnd + 1 ? i2 - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split2 = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i3 = 0; i3 < folds.length; ++i3) {
        const fold = folds[i3];
        const end2 = folds[i3 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i2, indent) {
      let end = i2;
      let start = i2 + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i2 < start + indent) {
          ch = text[++i2];
        } else {
          do {
            ch = text[++i2];
          } while (ch && ch !== "\n");
          end = i2;
          start = i2 + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i2 = 0, start = 0; i2 < strLen; ++i2) {
        if (str2[i2] === "\n") {
          if (i2 - start > limit)
            return true;
          start = i2 + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value4, ctx) {
      const json = JSON.stringify(value4);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value4) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i2 = 0, ch = json[i2]; ch; ch = json[++i2]) {
        if (ch === " " && json[i2 + 1] === "\\" && json[i2 + 2] === "n") {
          str2 += json.slice(start, i2) + "\\ ";
          i2 += 1;
          start = i2;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i2 + 1]) {
            case "u":
              {
                str2 += json.slice(start, i2);
                const code2 = json.substr(i2 + 2, 4);
                switch (code2) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str2 += "\\x" + code2.substr(2);
                    else
                      str2 += json.substr(i2, 6);
                }
                i2 += 5;
                start = i2 + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i2 + 2] === '"' || json.length < minMultiLineLength) {
                i2 += 1;
              } else {
                str2 += json.slice(start, i2) + "\n\n";
                while (json[i2 + 2] === "\\" && json[i2 + 3] === "n" && json[i2 + 4] !== '"') {
                  str2 += "\n";
                  i2 += 2;
                }
                str2 += indent;
                if (json[i2 + 2] === " ")
                  str2 += "\\";
                i2 += 1;
                start = i2 + 1;
              }
              break;
            default:
              i2 += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value4, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value4.includes("\n") || /[ \t]\n|\n[ \t]/.test(value4))
        return doubleQuotedString(value4, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value4) ? "  " : "");
      const res = "'" + value4.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value4, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value4.includes('"');
        const hasSingle = value4.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value4, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value: value4 }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value4)) {
        return quotedString(value4, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value4) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value4, lineWidth, indent.length);
      if (!value4)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value4.length; endStart > 0; --endStart) {
        const ch = value4[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value4.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value4 === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value4 = value4.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value4.length; ++startEnd) {
        const ch = value4[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value4.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value4 = value4.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value4.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value4 = value4.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value4}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value: value4 } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value4.includes("\n") || inFlow && /[[\]{},]/.test(value4)) {
        return quotedString(value4, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value4)) {
        return implicitKey || inFlow || !value4.includes("\n") ? quotedString(value4, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value4.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value4)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value4, ctx);
        }
      }
      const str2 = value4.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value4, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity3 = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options2) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options2);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity3.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor2 = (identity3.isScalar(node) || identity3.isCollection(node)) && node.anchor;
      if (anchor2 && anchors.anchorIsValid(anchor2)) {
        anchors$1.add(anchor2);
        props.push(`&${anchor2}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity3.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity3.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity3.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o2) => tagObj = o2 });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity3.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity3.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value: value4 }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity3.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity3.isCollection(key) || !identity3.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value4 == null && !ctx.inFlow || identity3.isCollection(key) || (identity3.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value4 == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value4 == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity3.isNode(value4)) {
        vsb = !!value4.spaceBefore;
        vcb = value4.commentBefore;
        valueComment = value4.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value4 && typeof value4 === "object")
          value4 = doc.createNode(value4);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity3.isScalar(value4))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity3.isSeq(value4) && !value4.flow && !value4.tag && !value4.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value4, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity3.isCollection(value4)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value4.flow ?? value4.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value4) => value4 === MERGE_KEY || typeof value4 === "symbol" && value4.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity3.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value4) {
      const source = resolveAliasValue(ctx, value4);
      if (identity3.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value4) {
      const source = resolveAliasValue(ctx, value4);
      if (!identity3.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value5] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value5);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value5,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value4) {
      return ctx && identity3.isAlias(value4) ? value4.resolve(ctx.doc, ctx) : value4;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity3 = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value: value4 }) {
      if (identity3.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value4);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value4);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value4, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value4, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity3.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity3 = require_identity();
    function createPair(key, value4, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value4, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value4 = null) {
        Object.defineProperty(this, identity3.NODE_TYPE, { value: identity3.PAIR });
        this.key = key;
        this.value = value4;
      }
      clone(schema) {
        let { key, value: value4 } = this;
        if (identity3.isNode(key))
          key = key.clone(schema);
        if (identity3.isNode(value4))
          value4 = value4.clone(schema);
        return new _Pair(key, value4);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options2) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options2);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
        let comment2 = null;
        if (identity3.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity3.isPair(item)) {
          const ik = identity3.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i2 = 1; i2 < lines.length; ++i2) {
          const line = lines[i2];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
        let comment = null;
        if (identity3.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity3.isPair(item)) {
          const ik = identity3.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity3.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i2 < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity3 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity3.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity3.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity3.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity3.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add2 = (key, value4) => {
          if (typeof replacer === "function")
            value4 = replacer.call(obj, key, value4);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value4 !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value4, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value4] of obj)
            add2(key, value4);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add2(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity3.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity3.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i2 = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i2 === -1)
            this.items.push(_pair);
          else
            this.items.splice(i2, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity3.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value4) {
        this.add(new Pair.Pair(key, value4), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity3.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity3.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity3.SEQ, schema);
        this.items = [];
      }
      add(value4) {
        this.items.push(value4);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity3.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value4) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity3.isScalar(prev) && Scalar.isScalarValue(value4))
          prev.value = value4;
        else
          this.items[idx] = value4;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i2 = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i2++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i2 = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i2++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity3.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity3.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string2 = {
      identify: (value4) => typeof value4 === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string2;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value4) => value4 == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value4) => typeof value4 === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value: value4 }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value4 === sv)
            return source;
        }
        return value4 ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format: format2, minFractionDigits, tag, value: value4 }) {
      if (typeof value4 === "bigint")
        return String(value4);
      const num3 = typeof value4 === "number" ? value4 : Number(value4);
      if (!isFinite(num3))
        return isNaN(num3) ? ".nan" : num3 < 0 ? "-.inf" : ".inf";
      let n2 = Object.is(value4, -0) ? "-0" : JSON.stringify(value4);
      if (!format2 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n2) && !n2.includes("e")) {
        let i2 = n2.indexOf(".");
        if (i2 < 0) {
          i2 = n2.length;
          n2 += ".";
        }
        let d = minFractionDigits - (n2.length - i2 - 1);
        while (d-- > 0)
          n2 += "0";
      }
      return n2;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value4) => typeof value4 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value4) => typeof value4 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num3 = Number(node.value);
        return isFinite(num3) ? num3.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value4) => typeof value4 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value4) => typeof value4 === "bigint" || Number.isInteger(value4);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value: value4 } = node;
      if (intIdentify(value4) && value4 >= 0)
        return prefix + value4.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value4) => intIdentify(value4) && value4 >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value4) => intIdentify(value4) && value4 >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string2 = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string2.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value4) {
      return typeof value4 === "bigint" || Number.isInteger(value4);
    }
    var stringifyJSON = ({ value: value4 }) => JSON.stringify(value4);
    var jsonScalars = [
      {
        identify: (value4) => typeof value4 === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value4) => value4 == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value4) => typeof value4 === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value: value4 }) => intIdentify(value4) ? value4.toString() : JSON.stringify(value4)
      },
      {
        identify: (value4) => typeof value4 === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value4) => value4 instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i2 = 0; i2 < str2.length; ++i2)
            buffer[i2] = str2.charCodeAt(i2);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value: value4 }, ctx, onComment, onChompKeep) {
        if (!value4)
          return "";
        const buf = value4;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i2 = 0; i2 < buf.length; ++i2)
            s += String.fromCharCode(buf[i2]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n2 = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n2);
          for (let i2 = 0, o2 = 0; i2 < n2; ++i2, o2 += lineWidth) {
            lines[i2] = str2.substr(o2, lineWidth);
          }
          str2 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity3.isSeq(seq)) {
        for (let i2 = 0; i2 < seq.items.length; ++i2) {
          let item = seq.items[i2];
          if (identity3.isPair(item))
            continue;
          else if (identity3.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i2] = identity3.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i2 = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i2++), it);
          let key, value4;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value4 = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value4 = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value4, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value4;
          if (identity3.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value4 = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value4);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value4) => value4 instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity3.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value: value4, source }, ctx) {
      const boolObj = value4 ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value4 ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value4) => value4 === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value4) => value4 === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value4) => typeof value4 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value4) => typeof value4 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num3 = Number(node.value);
        return isFinite(num3) ? num3.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value4) => typeof value4 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value4) => typeof value4 === "bigint" || Number.isInteger(value4);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n3 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n3 : n3;
      }
      const n2 = parseInt(str2, radix);
      return sign === "-" ? -1 * n2 : n2;
    }
    function intStringify(node, radix, prefix) {
      const { value: value4 } = node;
      if (intIdentify(value4)) {
        const str2 = value4.toString(radix);
        return value4 < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity3.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity3.isPair(pair) ? identity3.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value4) {
        if (typeof value4 !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value4}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value4) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value4) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value4 of iterable) {
            if (typeof replacer === "function")
              value4 = replacer.call(iterable, value4, value4);
            set2.items.push(Pair.createPair(value4, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value4) => value4 instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity3.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num3 = (n2) => asBigInt ? BigInt(n2) : Number(n2);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num3(60) + num3(p), num3(0));
      return sign === "-" ? num3(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value: value4 } = node;
      let num3 = (n2) => n2;
      if (typeof value4 === "bigint")
        num3 = (n2) => BigInt(n2);
      else if (isNaN(value4) || !isFinite(value4))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value4 < 0) {
        sign = "-";
        value4 *= num3(-1);
      }
      const _60 = num3(60);
      const parts = [value4 % _60];
      if (value4 < 60) {
        parts.unshift(0);
      } else {
        value4 = (value4 - parts[0]) / _60;
        parts.unshift(value4 % _60);
        if (value4 >= 60) {
          value4 = (value4 - parts[0]) / _60;
          parts.unshift(value4);
        }
      }
      return sign + parts.map((n2) => String(n2).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value4) => typeof value4 === "bigint" || Number.isInteger(value4),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value4) => typeof value4 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value4) => value4 instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value: value4 }) => value4?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string2 = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string2.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string2 = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string2.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string2 = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a2, b) => a2.key < b.key ? -1 : a2.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity3.MAP, { value: map.map });
        Object.defineProperty(this, identity3.SCALAR, { value: string2.string });
        Object.defineProperty(this, identity3.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options2) {
      const lines = [];
      let hasDirectives = options2.directives === true;
      if (options2.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options2);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity3.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity3 = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value4, replacer, options2) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity3.NODE_TYPE, { value: identity3.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options2 === void 0 && replacer) {
          options2 = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options2);
        this.options = opt;
        let { version } = opt;
        if (options2?._directives) {
          this.directives = options2._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options2);
        this.contents = value4 === void 0 ? null : this.createNode(value4, _replacer, options2);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity3.NODE_TYPE]: { value: identity3.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity3.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value4) {
        if (assertCollection(this.contents))
          this.contents.add(value4);
      }
      /** Adds a value to the document. */
      addIn(path6, value4) {
        if (assertCollection(this.contents))
          this.contents.addIn(path6, value4);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value4, replacer, options2) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value4 = replacer.call({ "": value4 }, "", value4);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options2 === void 0 && replacer) {
          options2 = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options2 ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value4, tag, ctx);
        if (flow && identity3.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value4, options2 = {}) {
        const k = this.createNode(key, null, options2);
        const v = this.createNode(value4, null, options2);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path6) {
        if (Collection.isEmptyPath(path6)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path6) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity3.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path6, keepScalar) {
        if (Collection.isEmptyPath(path6))
          return !keepScalar && identity3.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity3.isCollection(this.contents) ? this.contents.getIn(path6, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity3.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path6) {
        if (Collection.isEmptyPath(path6))
          return this.contents !== void 0;
        return identity3.isCollection(this.contents) ? this.contents.hasIn(path6) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value4) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value4);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value4);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path6, value4) {
        if (Collection.isEmptyPath(path6)) {
          this.contents = value4;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path6), value4);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path6, value4);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options2 = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options2.schema instanceof Object)
          this.schema = options2.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options2));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options2 = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options2 && (!Number.isInteger(options2.indent) || Number(options2.indent) <= 0)) {
          const s = JSON.stringify(options2.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options2);
      }
    };
    function assertCollection(contents) {
      if (identity3.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count2 = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count2 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count2);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor2 = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor2 || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor2)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor2 = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor2 || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor: anchor2,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a2, b) => a2 === b || identity3.isScalar(a2) && identity3.isScalar(b) && a2.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep2, value: value4 } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value4,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value4?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value4 ? composeNode(ctx, value4, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value4, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value: value4 } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value4,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value4) {
            if (value4?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value4 ? composeNode(ctx, value4, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value4, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i2 = 0; i2 < fc.items.length; ++i2) {
        const collItem = fc.items[i2];
        const { start, key, sep: sep2, value: value4 } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value4) {
            if (i2 === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i2 < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i2 === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity3.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep2 && !props.found) {
          const valueNode = value4 ? composeNode(ctx, value4, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value4))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value4,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value4) {
            if ("source" in value4 && value4.source?.[0] === ":")
              onError(value4, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value4 ? composeNode(ctx, value4, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value4))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor: anchor2, newlineAfterProp: nl } = props;
        const lastProp = anchor2 && tagToken ? anchor2.offset > tagToken.offset ? anchor2 : tagToken : anchor2 ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity3.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i2 = lines.length - 1; i2 >= 0; --i2) {
        const content = lines[i2][1];
        if (content === "" || content === "\r")
          chompStart = i2;
        else
          break;
      }
      if (chompStart === 0) {
        const value5 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value5, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i2 = 0; i2 < chompStart; ++i2) {
        const [indent, content] = lines[i2];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i2;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i2 = lines.length - 1; i2 >= chompStart; --i2) {
        if (lines[i2][0].length > trimIndent)
          chompStart = i2 + 1;
      }
      let value4 = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i2 = 0; i2 < contentStart; ++i2)
        value4 += lines[i2][0].slice(trimIndent) + "\n";
      for (let i2 = contentStart; i2 < chompStart; ++i2) {
        let [indent, content] = lines[i2];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value4 += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value4 += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value4 += "\n";
          else
            sep2 = "\n";
        } else {
          value4 += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i2 = chompStart; i2 < lines.length; ++i2)
            value4 += "\n" + lines[i2][0].slice(trimIndent);
          if (value4[value4.length - 1] !== "\n")
            value4 += "\n";
          break;
        default:
          value4 += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value: value4, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i2 = 1; i2 < source.length; ++i2) {
        const ch = source[i2];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n2 = Number(ch);
          if (!indent && n2)
            indent = n2;
          else if (error === -1)
            error = offset + i2;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i2 = 1; i2 < props.length; ++i2) {
        const token = props[i2];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split2 = source.split(/\n( *)/);
      const first = split2[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i2 = 1; i2 < split2.length; i2 += 2)
        lines.push([split2[i2], split2[i2 + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value4;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value4 = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value4 = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value4 = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value: value4,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i2 = 1; i2 < source.length - 1; ++i2) {
        const ch = source[i2];
        if (ch === "\r" && source[i2 + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i2);
          res += fold;
          i2 = offset;
        } else if (ch === "\\") {
          let next = source[++i2];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i2 + 1];
            while (next === " " || next === "	")
              next = source[++i2 + 1];
          } else if (next === "\r" && source[i2 + 1] === "\n") {
            next = source[++i2 + 1];
            while (next === " " || next === "	")
              next = source[++i2 + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i2 + 1, length, onError);
            i2 += length;
          } else {
            const raw = source.substr(i2 - 1, 2);
            onError(i2 - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i2;
          let next = source[i2 + 1];
          while (next === " " || next === "	")
            next = source[++i2 + 1];
          if (next !== "\n" && !(next === "\r" && source[i2 + 2] === "\n"))
            res += i2 > wsStart ? source.slice(wsStart, i2 + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity3 = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value: value4, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity3.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value4, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value4, token, onError);
      else
        tag = ctx.schema[identity3.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value4, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity3.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value4);
      }
      scalar.range = range;
      scalar.source = value4;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value4, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity3.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value4))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity3.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value4, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value4)) || schema[identity3.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value4)) ?? schema[identity3.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i2 = pos - 1; i2 >= 0; --i2) {
          let st = before[i2];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i2];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i2];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity3 = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor: anchor2, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor2 || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor2)
            node.anchor = anchor2.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor2)
              node.anchor = anchor2.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor2 && node.anchor === "")
        onError(anchor2, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity3.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor: anchor2, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor2) {
        node.anchor = anchor2.source.substring(1);
        if (node.anchor === "")
          onError(anchor2, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options: options2 }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options2.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options2, directives, { offset, start, value: value4, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options2);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value4 ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value4 && (value4.type === "block-map" || value4.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value4 ? composeNode.composeNode(ctx, value4, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity3 = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i2 = 0; i2 < prelude.length; ++i2) {
        const source = prelude[i2];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i2 + 1]?.[0] !== "#")
              i2 += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options2 = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options2.version || "1.2" });
        this.options = options2;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity3.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity3.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i2 = 0; i2 < this.errors.length; ++i2)
            doc.errors.push(this.errors[i2]);
          for (let i2 = 0; i2 < this.warnings.length; ++i2)
            doc.warnings.push(this.warnings[i2]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value4, context2) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context2;
      const source = stringifyString.stringifyString({ type, value: value4 }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context2.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value4, context2 = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context2;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value: value4 }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep2, value: value4 }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value4)
        res += stringifyToken(value4);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path6) => {
      let item = cst;
      for (const [field, index] of path6) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path6) => {
      const parent = visit.itemAtPath(cst, path6.slice(0, -1));
      const field = path6[path6.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path6, item, visitor) {
      let ctrl = visitor(item, path6);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i2 = 0; i2 < token.items.length; ++i2) {
            const ci = _visit(Object.freeze(path6.concat([[field, i2]])), token.items[i2], visitor);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i2, 1);
              i2 -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path6);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path6) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i2];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i2 + 1] === "\n";
        return false;
      }
      charAt(n2) {
        return this.buffer[this.pos + n2];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n2) {
        return this.pos + n2 <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n2) {
        return this.buffer.substr(this.pos, n2);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n2 = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n2);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n2 = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n2;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n2 = yield* this.pushIndicators();
        switch (line[n2]) {
          case "#":
            yield* this.pushCount(line.length - n2);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n2 += yield* this.parseBlockScalarHeader();
            n2 += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n2);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n2 = 0;
        while (line[n2] === ",") {
          n2 += yield* this.pushCount(1);
          n2 += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n2 += yield* this.pushIndicators();
        switch (line[n2]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n2);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote2 = this.charAt(0);
        let end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n2 = 0;
            while (this.buffer[end - 1 - n2] === "\\")
              n2 += 1;
            if (n2 % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i2 = this.pos;
        while (true) {
          const ch = this.buffer[++i2];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i3 = this.pos; ch = this.buffer[i3]; ++i3) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i3;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i3 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i2 = nl + 1;
        ch = this.buffer[i2];
        while (ch === " ")
          ch = this.buffer[++i2];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i2];
          nl = i2 - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i3 = nl - 1;
            let ch2 = this.buffer[i3];
            if (ch2 === "\r")
              ch2 = this.buffer[--i3];
            const lastChar = i3;
            while (ch2 === " ")
              ch2 = this.buffer[--i3];
            if (ch2 === "\n" && i3 >= this.pos && i3 + 1 + indent > lastChar)
              nl = i3;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i2 = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i2]) {
          if (ch === ":") {
            const next = this.buffer[i2 + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i2;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i2 + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i2 += 1;
                ch = "\n";
                next = this.buffer[i2 + 1];
              } else
                end = i2;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i2 + 1);
              if (cs === -1)
                break;
              i2 = Math.max(i2, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i2;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n2) {
        if (n2 > 0) {
          yield this.buffer.substr(this.pos, n2);
          this.pos += n2;
          return n2;
        }
        return 0;
      }
      *pushToIndex(i2, allowEmpty) {
        const s = this.buffer.slice(this.pos, i2);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n2 = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n2 += yield* this.pushTag();
              n2 += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n2 += yield* this.pushUntil(isNotAnchorChar);
              n2 += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n2 += yield* this.pushCount(1);
                n2 += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n2;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i2 = this.pos + 2;
          let ch = this.buffer[i2];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i2];
          return yield* this.pushToIndex(ch === ">" ? i2 + 1 : i2, false);
        } else {
          let i2 = this.pos + 1;
          let ch = this.buffer[i2];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i2];
            else if (ch === "%" && hexDigits.has(this.buffer[i2 + 1]) && hexDigits.has(this.buffer[i2 + 2])) {
              ch = this.buffer[i2 += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i2, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i2 = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i2];
        } while (ch === " " || allowTabs && ch === "	");
        const n2 = i2 - this.pos;
        if (n2 > 0) {
          yield this.buffer.substr(this.pos, n2);
          this.pos = i2;
        }
        return n2;
      }
      *pushUntil(test) {
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (!test(ch))
          ch = this.buffer[++i2];
        return yield* this.pushToIndex(i2, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i2 = 0; i2 < list2.length; ++i2)
        if (list2[i2].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i2 = 0; i2 < list2.length; ++i2) {
        switch (list2[i2].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i2;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i2 = prev.length;
      loop: while (--i2 >= 0) {
        switch (prev[i2].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i2]?.type === "space") {
      }
      return prev.splice(i2, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i2 = 0; i2 < source.length; ++i2)
          target.push(source[i2]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n2) {
        return this.stack[this.stack.length - n2];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i2 = 0; i2 < it.sep.length; ++i2) {
              const st = it.sep[i2];
              switch (st.type) {
                case "newline":
                  nl.push(i2);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity3 = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options2) {
      const prettyErrors = options2.prettyErrors !== false;
      const lineCounter$1 = options2.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options2 = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options2);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options2);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options2 = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options2);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options2);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options2) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options2 === void 0 && reviver && typeof reviver === "object") {
        options2 = reviver;
      }
      const doc = parseDocument2(src, options2);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options2));
    }
    function stringify(value4, replacer, options2) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options2 === void 0 && replacer) {
        options2 = replacer;
      }
      if (typeof options2 === "string")
        options2 = options2.length;
      if (typeof options2 === "number") {
        const indent = Math.round(options2);
        options2 = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value4 === void 0) {
        const { keepUndefined } = options2 ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity3.isDocument(value4) && !_replacer)
        return value4.toString(options2);
      return new Document.Document(value4, _replacer, options2).toString(options2);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity3 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity3.isAlias;
    exports.isCollection = identity3.isCollection;
    exports.isDocument = identity3.isDocument;
    exports.isMap = identity3.isMap;
    exports.isNode = identity3.isNode;
    exports.isPair = identity3.isPair;
    exports.isScalar = identity3.isScalar;
    exports.isSeq = identity3.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/cli/cli.ts
import { resolve as resolve6 } from "node:path";

// src/model/constants.ts
var VERSION = "0.1.0";
var REPORT_SCHEMA = "memgate/report@2";
var BUNDLE_SCHEMA = "memgate/bundle@2";
var READABLE_BUNDLE_SCHEMAS = ["memgate/bundle@1", BUNDLE_SCHEMA];
var FLEET_REPORT_SCHEMA = "memgate/fleet-report@1";
var ExitCode = {
  Pass: 0,
  Blocked: 1,
  Usage: 2,
  Inconclusive: 3
};
var Option = {
  Baseline: "baseline",
  Gray: "gray",
  Warmup: "warmup",
  Duration: "duration",
  Interval: "interval",
  MaxP95Increase: "max-p95-increase",
  MinP95Delta: "min-p95-delta",
  MaxSlopeIncrease: "max-slope-increase",
  MinSlope: "min-slope",
  MemoryMax: "memory-max",
  Load: "load",
  Pprof: "pprof",
  BaselinePprof: "baseline-pprof",
  GrayPprof: "gray-pprof",
  ProfileInterval: "profile-interval",
  CgroupDriver: "cgroup-driver",
  Out: "out",
  OnInconclusive: "on-inconclusive",
  ReadyTimeout: "ready-timeout",
  // Teardown and the workloads' environment: SIGTERM then this long before SIGKILL; variables kept past the scrub.
  StopTimeout: "stop-timeout",
  PassEnv: "pass-env",
  // Verdict trust: processes per side, and the Go heap sampling rate both sides get.
  Replicas: "replicas",
  MemprofileRate: "memprofile-rate",
  // eBPF allocation tracing (src/collect/ebpf-*.ts).
  Ebpf: "ebpf",
  EbpfMode: "ebpf-mode",
  EbpfSampleRate: "ebpf-sample-rate",
  StackDepth: "stack-depth",
  // The matrix fuse (src/fuse): the cell this run is, and where its fuse lives.
  Cell: "cell",
  Fuse: "fuse",
  FuseScope: "fuse-scope",
  FuseDimensionThreshold: "fuse-dimension-threshold",
  FuseStore: "fuse-store",
  FuseDir: "fuse-dir",
  // Fleet mode (`memgate fleet`, the Action's `mode: fleet`): live canaries judged per cell from a
  // Prometheus-compatible store (src/source/prometheus). --baseline/--gray are then label matchers.
  Prometheus: "prometheus",
  Metric: "metric",
  HeapMetric: "heap-metric",
  By: "by",
  InstanceLabel: "instance-label",
  Window: "window",
  End: "end",
  Step: "step",
  MinInstances: "min-instances",
  Stages: "stages",
  Stage: "stage",
  PrometheusTokenEnv: "prometheus-token-env",
  PrometheusUser: "prometheus-user",
  PrometheusCa: "prometheus-ca",
  QueryTimeout: "query-timeout",
  QueryConcurrency: "query-concurrency"
};
var Defaults = {
  warmup: "10s",
  duration: "60s",
  interval: "250ms",
  maxP95Increase: "12%",
  minP95Delta: "2MiB",
  maxSlopeIncrease: "100%",
  minSlope: "512KiB/min",
  replicas: "3",
  memprofileRate: "64KiB",
  cgroupDriver: "auto",
  pprof: "http://127.0.0.1:{port}/debug/pprof",
  profileInterval: "5s",
  out: "memgate-out",
  onInconclusive: "fail",
  readyTimeout: "30s",
  stopTimeout: "10s",
  ebpf: "auto",
  ebpfMode: "sampled",
  ebpfSampleRate: "64",
  stackDepth: "8",
  fuse: "off",
  fuseDimensionThreshold: "2,>50%",
  fuseStore: "auto",
  fuseDir: ".memgate-fuse",
  instanceLabel: "instance",
  window: "30m",
  minInstances: "2",
  prometheusTokenEnv: "MEMGATE_PROMETHEUS_TOKEN",
  queryTimeout: "60s",
  queryConcurrency: "4"
};
var FLEET_ONLY_OPTIONS = [
  Option.Prometheus,
  Option.Metric,
  Option.HeapMetric,
  Option.By,
  Option.InstanceLabel,
  Option.Window,
  Option.End,
  Option.Step,
  Option.MinInstances,
  Option.Stages,
  Option.Stage,
  Option.PrometheusTokenEnv,
  Option.PrometheusUser,
  Option.PrometheusCa,
  Option.QueryTimeout,
  Option.QueryConcurrency
];
var PROMETHEUS_PASSWORD_ENV = "MEMGATE_PROMETHEUS_PASSWORD";
var FuseFile = "fuse.json";
var BundleFile = {
  Dir: "bundle",
  Meta: "meta.json",
  Samples: "samples.jsonl",
  Stats: "stat.jsonl",
  Final: "final.json",
  Log: "workloads.log"
};
var ReportFile = "report.json";
var HtmlReportFile = "report.html";
var Placeholder = { Port: "{port}", Url: "{url}" };

// src/model/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}
var WRITE_PROBLEMS = {
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOTDIR: "a part of the path is not a directory"
};
function outWriteError(error, outDir) {
  const { code: code2, path: path6 } = error ?? {};
  const problem = code2 ? WRITE_PROBLEMS[code2] : void 0;
  if (!problem) return null;
  const fix = code2 === "ENOSPC" || code2 === "EDQUOT" ? "free space there or give --out a directory on a file system with room" : "give a directory you can write to";
  return new UsageError(`--out ${outDir}: cannot write ${path6 ?? outDir}: ${problem} (${code2}); ${fix}.`);
}

// src/model/units.ts
var DURATION_UNITS = { ms: 1, s: 1e3, m: 6e4, min: 6e4, h: 36e5 };
var MAX_DURATION_MS = 24 * 36e5;
var MAX_SIZE_BYTES = 2 ** 50;
var MAX_PERCENT = 1e5;
var DURATION_EXAMPLE = "like 250ms, 10s, 2m or 1m30s";
var MAX_VALUE_LENGTH = 64;
function parseDuration(text, option) {
  const trimmed = text.length > MAX_VALUE_LENGTH ? "" : text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|min|m|h)/g)];
  const joined = parts.map((p) => p[0]).join("");
  if (parts.length === 0 || joined !== trimmed) {
    throw new UsageError(
      `--${option}: "${clipped(text)}" is not a duration; write a number with a unit, ${DURATION_EXAMPLE} (from 0ms to 24h).`
    );
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * DURATION_UNITS[p[2]], 0);
  if (!Number.isFinite(ms) || ms > MAX_DURATION_MS) {
    throw new UsageError(
      `--${option}: "${clipped(text)}" is out of range; give a duration from 0ms to 24h, ${DURATION_EXAMPLE}.`
    );
  }
  return Math.round(ms);
}
var SIZE_UNITS = {
  "": 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  ki: 1024,
  kib: 1024,
  mi: 1024 ** 2,
  mib: 1024 ** 2,
  gi: 1024 ** 3,
  gib: 1024 ** 3,
  ti: 1024 ** 4,
  tib: 1024 ** 4
};
var clipped = (text) => text.length > 40 ? `${text.slice(0, 40)}...` : text;
function parseSize(text, option) {
  return sizeOf(text, option, text);
}
function sizeOf(text, option, shown) {
  const match = text.length > MAX_VALUE_LENGTH ? null : /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match?.[2].toLowerCase() ?? "";
  if (!match || !(unit in SIZE_UNITS)) {
    throw new UsageError(
      `--${option}: "${clipped(shown)}" is not a size; write bytes with a unit, like 512MiB, 2GiB or 800M (from 0 to 1024TiB).`
    );
  }
  const bytes3 = Math.round(Number(match[1]) * SIZE_UNITS[unit]);
  if (!Number.isSafeInteger(bytes3) || bytes3 > MAX_SIZE_BYTES) {
    throw new UsageError(
      `--${option}: "${clipped(shown)}" is out of range; give a size from 0 to 1024TiB, like 512MiB or 2GiB.`
    );
  }
  return bytes3;
}
var PER_SECOND = { s: 1, sec: 1, m: 60, min: 60, h: 3600 };
function parseRate(text, option) {
  const trimmed = text.length > MAX_VALUE_LENGTH ? "" : text.trim();
  const slash = trimmed.lastIndexOf("/");
  const per = PER_SECOND[trimmed.slice(slash + 1).trim().toLowerCase()];
  const size = trimmed.slice(0, Math.max(slash, 0)).trim();
  if (slash <= 0 || per === void 0 || size === "") {
    throw new UsageError(
      `--${option}: "${clipped(text)}" is not a rate; write a size per time, like 1MiB/min or 16KiB/s.`
    );
  }
  return sizeOf(size, option, text) / per;
}
function parsePercent(text, option) {
  const match = text.length > MAX_VALUE_LENGTH ? null : /^(-?\d+(?:\.\d+)?)\s*%?$/.exec(text.trim());
  if (!match || Number(match[1]) < 0) {
    throw new UsageError(
      `--${option}: "${clipped(text)}" is not a percentage; write a non-negative number like 12% or 100%.`
    );
  }
  const percent3 = Number(match[1]);
  if (!Number.isFinite(percent3) || percent3 > MAX_PERCENT) {
    throw new UsageError(
      `--${option}: "${clipped(text)}" is out of range; give a percentage from 0% to ${MAX_PERCENT}%.`
    );
  }
  return percent3 / 100;
}
function formatBytes(bytes3) {
  const sign = bytes3 < 0 ? "-" : "";
  let value4 = Math.abs(bytes3);
  for (const unit of ["B", "KiB", "MiB", "GiB"]) {
    if (value4 < 1024 || unit === "GiB") return `${sign}${unit === "B" ? value4.toFixed(0) : value4.toFixed(1)} ${unit}`;
    value4 /= 1024;
  }
  return `${sign}${value4} B`;
}
function formatRate(bytesPerSec) {
  return `${formatBytes(bytesPerSec * 60)}/min`;
}
function formatPercent(ratio) {
  if (ratio === null || !Number.isFinite(ratio)) return "n/a";
  return `${ratio >= 0 ? "+" : ""}${(ratio * 100).toFixed(1)}%`;
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  if (ms < 12e4) return `${(ms / 1e3).toFixed(ms % 1e3 === 0 ? 0 : 1)}s`;
  if (ms < 72e5) return `${(ms / 6e4).toFixed(1)}min`;
  return `${(ms / 36e5).toFixed(1)}h`;
}

// src/config/command-check.ts
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";
var SHELL_WORDS = /* @__PURE__ */ new Set([
  "exec",
  "env",
  "cd",
  "export",
  "set",
  "eval",
  ".",
  "source",
  "ulimit",
  "umask",
  "trap",
  "nice",
  "nohup",
  "command",
  "time",
  "test",
  "[",
  "if",
  "for",
  "while",
  "until",
  "case",
  "{",
  "(",
  "!",
  "sh",
  "bash"
]);
function programOf(command) {
  const words = command.trim().split(/\s+/);
  const first = words.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  if (!first || /["'$`\\(){};|&<>]/.test(first)) return null;
  return first;
}
function isExecutableFile(path6) {
  try {
    if (!statSync(path6).isFile()) return false;
    accessSync(path6, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function checkCommand(command, side, context2) {
  const program = programOf(command);
  if (program === null || SHELL_WORDS.has(program) || /[;&|\n]/.test(command)) return;
  if (program.includes("/")) {
    const path6 = isAbsolute(program) ? program : resolve(context2.cwd, program);
    if (!isExecutableFile(path6)) {
      throw new UsageError(
        `--${side}: "${program}" is not an executable file (looked at ${path6}); build it first or fix the path.`
      );
    }
    return;
  }
  const found = context2.pathEnv.split(delimiter).some((dir) => dir !== "" && isExecutableFile(join(dir, program)));
  if (!found) {
    throw new UsageError(
      `--${side}: command "${program}" was not found on PATH; install it or give its path, like ./bin/${program}.`
    );
  }
}

// src/config/ebpf-options.ts
var SWITCHES = ["auto", "on", "off"];
var MODES = ["sampled", "every"];
var MAX_STACK_DEPTH = 64;
function integer(text, option, min, max, example) {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(
      `--${option}: "${text}" is not a whole number from ${min} to ${max}; e.g. --${option} ${example}.`
    );
  }
  return Number(text);
}
function parseEbpfOptions(get) {
  const enabled = (get(Option.Ebpf) ?? Defaults.ebpf).toLowerCase();
  if (!SWITCHES.includes(enabled))
    throw new UsageError(
      `--${Option.Ebpf}: "${enabled}" is not allowed; use auto (trace when the host allows it, the default), on (must trace) or off.`
    );
  const mode = (get(Option.EbpfMode) ?? Defaults.ebpfMode).toLowerCase();
  if (!MODES.includes(mode))
    throw new UsageError(
      `--${Option.EbpfMode}: "${mode}" is not a mode; use sampled (the default, where Go samples its heap profile: cheap) or every (every runtime.mallocgc call: costly).`
    );
  const rateText = get(Option.EbpfSampleRate);
  if (rateText !== void 0 && mode !== "every")
    throw new UsageError(
      `--${Option.EbpfSampleRate} applies to --${Option.EbpfMode} every only (the sampled mode follows Go's own MemProfileRate); drop it or add --${Option.EbpfMode} every.`
    );
  return {
    enabled,
    mode,
    sampleRate: integer(rateText ?? Defaults.ebpfSampleRate, Option.EbpfSampleRate, 1, 1e6, "64"),
    stackDepth: integer(get(Option.StackDepth) ?? Defaults.stackDepth, Option.StackDepth, 1, MAX_STACK_DEPTH, "8")
  };
}

// src/model/sides.ts
var SIDES = ["baseline", "gray"];

// src/config/plan.ts
var DRIVER_CHOICES = ["auto", "v2", "systemd", "v1", "none"];
function value(raw, name) {
  const v = raw[name]?.trim();
  return v === void 0 || v === "" ? void 0 : v;
}
function parseJudgeSettings(raw, recordedWarmupMs) {
  const get = (name) => value(raw, name);
  const onInconclusive = get(Option.OnInconclusive) ?? Defaults.onInconclusive;
  if (onInconclusive !== "fail" && onInconclusive !== "pass") {
    throw new UsageError(
      `--${Option.OnInconclusive}: "${onInconclusive}" is not allowed; use "fail" (default) or "pass".`
    );
  }
  const warmupText = get(Option.Warmup);
  return {
    warmupMs: warmupText === void 0 && recordedWarmupMs !== void 0 ? recordedWarmupMs : parseDuration(warmupText ?? Defaults.warmup, Option.Warmup),
    onInconclusive,
    limits: {
      maxP95Increase: parsePercent(get(Option.MaxP95Increase) ?? Defaults.maxP95Increase, Option.MaxP95Increase),
      minP95DeltaBytes: parseSize(get(Option.MinP95Delta) ?? Defaults.minP95Delta, Option.MinP95Delta),
      maxSlopeIncrease: parsePercent(
        get(Option.MaxSlopeIncrease) ?? Defaults.maxSlopeIncrease,
        Option.MaxSlopeIncrease
      ),
      minSlopeBytesPerSec: parseRate(get(Option.MinSlope) ?? Defaults.minSlope, Option.MinSlope)
    }
  };
}
function buildPlan(raw, context2) {
  const get = (name) => value(raw, name);
  const commands = {};
  for (const side of SIDES) {
    const command = get(side);
    if (command === void 0) {
      throw new UsageError(
        `--${side} is required: give the command that starts the ${side} build, e.g. --${side} "./bin/service -addr 127.0.0.1:{port}".`
      );
    }
    checkCommand(command, side, context2);
    commands[side] = command;
  }
  const judge2 = parseJudgeSettings(raw);
  const durationMs = parseDuration(get(Option.Duration) ?? Defaults.duration, Option.Duration);
  const intervalMs = parseDuration(get(Option.Interval) ?? Defaults.interval, Option.Interval);
  const readyTimeoutMs = parseDuration(get(Option.ReadyTimeout) ?? Defaults.readyTimeout, Option.ReadyTimeout);
  const stopTimeoutMs = parseDuration(get(Option.StopTimeout) ?? Defaults.stopTimeout, Option.StopTimeout);
  if (stopTimeoutMs > 10 * 6e4)
    throw new UsageError(
      `--${Option.StopTimeout} ${get(Option.StopTimeout)} is longer than 10m; a service that needs longer to stop holds the whole gate. The default is ${Defaults.stopTimeout}; 0 kills at once.`
    );
  if (durationMs <= 0) throw new UsageError(`--${Option.Duration} must be longer than 0, e.g. 60s.`);
  if (intervalMs < 10)
    throw new UsageError(`--${Option.Interval} must be at least 10ms; the default is ${Defaults.interval}.`);
  if (durationMs / intervalMs < 8) {
    throw new UsageError(
      `--${Option.Duration} ${get(Option.Duration) ?? Defaults.duration} holds fewer than 8 samples at --${Option.Interval} ${get(Option.Interval) ?? Defaults.interval}; lengthen the window or shorten the interval.`
    );
  }
  const memoryMaxText = get(Option.MemoryMax);
  const memoryMaxBytes = memoryMaxText === void 0 ? null : parseSize(memoryMaxText, Option.MemoryMax);
  if (memoryMaxBytes !== null && memoryMaxBytes < 4 * 1024 * 1024) {
    throw new UsageError(
      `--${Option.MemoryMax} ${memoryMaxText} is too small to start a service; give at least 4MiB, e.g. 256MiB.`
    );
  }
  const driver = get(Option.CgroupDriver) ?? Defaults.cgroupDriver;
  if (!DRIVER_CHOICES.includes(driver)) {
    throw new UsageError(
      `--${Option.CgroupDriver}: "${driver}" is not a driver; use one of ${DRIVER_CHOICES.join(", ")}.`
    );
  }
  const profileIntervalMs = parseDuration(
    get(Option.ProfileInterval) ?? Defaults.profileInterval,
    Option.ProfileInterval
  );
  if (profileIntervalMs < 500)
    throw new UsageError(
      `--${Option.ProfileInterval} must be at least 500ms (each snapshot fetches a heap profile and a goroutine dump); the default is ${Defaults.profileInterval}.`
    );
  return {
    ...judge2,
    replicas: parseReplicas(get(Option.Replicas) ?? Defaults.replicas),
    memProfileRate: parseMemProfileRate(get(Option.MemprofileRate) ?? Defaults.memprofileRate),
    pprof: pprofTemplates(raw, commands),
    profileIntervalMs,
    ebpf: parseEbpfOptions(get),
    commands,
    durationMs,
    intervalMs,
    readyTimeoutMs,
    stopTimeoutMs,
    passEnv: parsePassEnv(get(Option.PassEnv)),
    memoryMaxBytes,
    load: get(Option.Load) ?? null,
    cgroupDriver: driver,
    outDir: get(Option.Out) ?? Defaults.out
  };
}
function pprofTemplates(raw, commands) {
  const shared = value(raw, Option.Pprof);
  const out = {};
  for (const side of SIDES) {
    const own = value(raw, side === "baseline" ? Option.BaselinePprof : Option.GrayPprof);
    const option = own !== void 0 ? side === "baseline" ? Option.BaselinePprof : Option.GrayPprof : Option.Pprof;
    const template = own ?? shared ?? Defaults.pprof;
    if (template.toLowerCase() === "off") {
      out[side] = null;
      continue;
    }
    let url = null;
    try {
      url = new URL(template.replaceAll(Placeholder.Port, "1"));
    } catch {
      url = null;
    }
    if (!url || url.protocol !== "http:" && url.protocol !== "https:") {
      throw new UsageError(
        `--${option}: "${template}" is not an http URL; give the pprof base URL, e.g. http://127.0.0.1:{port}/debug/pprof, or off.`
      );
    }
    if (template.includes(Placeholder.Port) && !commands[side].includes(Placeholder.Port)) {
      if (own !== void 0 || shared !== void 0)
        throw new UsageError(
          `--${option}: "${template}" uses {port}, but the ${side} command has no {port}; put {port} in the command, or give the real address, e.g. http://127.0.0.1:6060/debug/pprof.`
        );
    }
    out[side] = template;
  }
  return out;
}
var MAX_REPLICAS = 16;
function parseReplicas(text) {
  const n2 = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(n2) || n2 < 1 || n2 > MAX_REPLICAS) {
    throw new UsageError(
      `--${Option.Replicas}: "${text}" is not a number of processes; give a whole number from 1 to ${MAX_REPLICAS} (default ${Defaults.replicas}; 1 compares one process a side and cannot measure how far two processes of one build drift apart).`
    );
  }
  return n2;
}
function parseMemProfileRate(text) {
  if (text.trim() === "0") return null;
  const bytes3 = parseSize(text, Option.MemprofileRate);
  if (bytes3 < 1 || bytes3 > 64 * 1024 * 1024) {
    throw new UsageError(
      `--${Option.MemprofileRate}: "${text}" is out of range; give a size from 1 byte to 64MiB (default ${Defaults.memprofileRate}), or 0 to leave the services' own rate.`
    );
  }
  return bytes3;
}
function parsePassEnv(text) {
  if (text === void 0) return [];
  const names = text.split(/[,\s]+/).filter((n2) => n2 !== "");
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name.length > 128) {
      throw new UsageError(
        `--${Option.PassEnv}: "${name.slice(0, 64)}" is not an environment variable name; give names such as --${Option.PassEnv} MY_TOKEN (repeat it, or separate names with commas).`
      );
    }
  }
  return [...new Set(names)];
}

// src/collect/bundle-io.ts
import { existsSync as existsSync3, mkdirSync as mkdirSync2, writeFileSync as writeFileSync3 } from "node:fs";
import { join as join5 } from "node:path";

// src/collect/pprof-bundle.ts
import { existsSync, writeFileSync } from "node:fs";

// src/collect/bundle-files.ts
import { closeSync, constants as constants2, fstatSync, openSync, readFileSync, realpathSync, writeSync } from "node:fs";
import { isAbsolute as isAbsolute2, join as join2, relative, sep } from "node:path";
var MAX_BUNDLE_FILE_BYTES = 256 * 1024 * 1024;
var BundlePathError = class extends Error {
  name = "BundlePathError";
};
var quoted = (path6) => JSON.stringify(path6.length > 120 ? `${path6.slice(0, 120)}...` : path6);
function readInsideBundle(root, relPath, maxBytes = MAX_BUNDLE_FILE_BYTES) {
  if (typeof relPath !== "string" || relPath === "" || relPath.includes("\0"))
    throw new BundlePathError(`${quoted(String(relPath))} is not a file name`);
  if (isAbsolute2(relPath) || relPath.split(/[\\/]/).includes(".."))
    throw new BundlePathError(`${quoted(relPath)} points outside the bundle`);
  let realRoot;
  let realFile;
  try {
    realRoot = realpathSync(root);
    realFile = realpathSync(join2(root, relPath));
  } catch (error) {
    throw new BundlePathError(
      `${quoted(relPath)} cannot be opened (${error.code ?? error.message})`
    );
  }
  const inside = relative(realRoot, realFile);
  if (inside === "" || inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute2(inside)) {
    throw new BundlePathError(`${quoted(relPath)} leads outside the bundle (through a symlink)`);
  }
  const fd = openSync(realFile, constants2.O_RDONLY | constants2.O_NOFOLLOW | constants2.O_NONBLOCK);
  try {
    const stat2 = fstatSync(fd);
    if (!stat2.isFile()) throw new BundlePathError(`${quoted(relPath)} is not a regular file`);
    if (stat2.size > maxBytes)
      throw new BundlePathError(
        `${quoted(relPath)} is ${stat2.size} bytes, more than memgate reads of a bundle file (${maxBytes})`
      );
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
function writeFileNoFollow(path6, data) {
  const fd = openSync(
    path6,
    constants2.O_WRONLY | constants2.O_CREAT | constants2.O_TRUNC | constants2.O_NOFOLLOW | constants2.O_NONBLOCK,
    420
  );
  try {
    const bytes3 = typeof data === "string" ? Buffer.from(data) : data;
    let written = 0;
    while (written < bytes3.length) written += writeSync(fd, bytes3, written, bytes3.length - written);
  } finally {
    closeSync(fd);
  }
}

// src/collect/pprof-bundle.ts
import { join as join3 } from "node:path";

// src/model/profiles.ts
var PROFILE_INDEX_SCHEMA = "memgate/pprof-index@1";
var PROFILE_DIR = "pprof";
var PROFILE_INDEX_FILE = "index.json";
var DiffProfileFile = {
  Gray: "diff-gray.pb.gz",
  GrayVsBaseline: "diff-gray-vs-baseline.pb.gz"
};

// src/collect/pprof-bundle.ts
function readProfileSet(bundleDir2) {
  const indexPath = join3(bundleDir2, PROFILE_DIR, PROFILE_INDEX_FILE);
  if (!existsSync(indexPath)) return void 0;
  let index;
  try {
    index = JSON.parse(readInsideBundle(bundleDir2, `${PROFILE_DIR}/${PROFILE_INDEX_FILE}`).toString("utf8"));
    if (index?.schema !== PROFILE_INDEX_SCHEMA || !Array.isArray(index.entries))
      throw new Error(`schema "${index?.schema}", expected "${PROFILE_INDEX_SCHEMA}"`);
  } catch (error) {
    return {
      schema: PROFILE_INDEX_SCHEMA,
      urls: { baseline: null, gray: null },
      intervalMs: 0,
      entries: [],
      notes: [`the profile index ${indexPath} is unreadable (${error.message}); no profile evidence`],
      data: {}
    };
  }
  const data = /* @__PURE__ */ Object.create(null);
  const notes = [...Array.isArray(index.notes) ? index.notes.filter((n2) => typeof n2 === "string") : []];
  const refused = [];
  const entries = index.entries.filter((entry) => {
    if (typeof entry !== "object" || entry === null) return false;
    if (entry.file === null || entry.file === void 0) return true;
    try {
      data[entry.file] = readInsideBundle(bundleDir2, entry.file);
    } catch (error) {
      if (!(error instanceof BundlePathError)) throw error;
      if (/cannot be opened \(ENOENT\)/.test(error.message)) return true;
      refused.push(error.message);
      return false;
    }
    return true;
  });
  if (refused.length)
    notes.push(
      `${refused.length} file(s) named in ${PROFILE_DIR}/${PROFILE_INDEX_FILE} refused and left out (first: ${refused[0]})`
    );
  const urls = index.urls ?? { baseline: null, gray: null };
  for (const side of SIDES) urls[side] ??= null;
  return { ...index, entries, urls, notes, data };
}
function writeProfileFiles(bundleDir2, files) {
  return files.map((file) => {
    const path6 = `${PROFILE_DIR}/${file.name}`;
    writeFileSync(join3(bundleDir2, path6), file.data);
    return path6;
  });
}

// src/collect/ebpf-bundle.ts
import { existsSync as existsSync2, mkdirSync, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join4 } from "node:path";

// src/model/ebpf.ts
var EBPF_TRACE_SCHEMA = "memgate/ebpf-trace@1";
var EBPF_DIR = "ebpf";
var EbpfFile = {
  Trace: "trace.json",
  Script: "alloc.bt",
  RawOutput: "bpftrace.out",
  RawErrors: "bpftrace.err",
  /** `${side}.folded`: flamegraph.pl input, estimated bytes. */
  folded: (side) => `${side}.folded`,
  /** `${side}.alloc.txt`: the seed's line form, `[bytes] [GID] [func1->func2->...->mallocgc]`. */
  lines: (side) => `${side}.alloc.txt`
};

// src/collect/ebpf-bundle.ts
function writeEbpfFiles(bundleDir2, trace, rendered) {
  const dir = join4(bundleDir2, EBPF_DIR);
  mkdirSync(dir, { recursive: true });
  const files = [EbpfFile.Trace];
  writeFileSync2(join4(dir, EbpfFile.Trace), JSON.stringify(trace) + "\n");
  for (const side of SIDES) {
    const text = rendered[side];
    if (!text) continue;
    writeFileSync2(join4(dir, EbpfFile.folded(side)), text.folded);
    writeFileSync2(join4(dir, EbpfFile.lines(side)), text.lines);
    files.push(EbpfFile.folded(side), EbpfFile.lines(side));
  }
  return files.map((f) => `${EBPF_DIR}/${f}`);
}
function readEbpfTrace(bundleDir2) {
  const path6 = join4(bundleDir2, EBPF_DIR, EbpfFile.Trace);
  if (!existsSync2(path6)) return void 0;
  try {
    const trace = JSON.parse(
      readInsideBundle(bundleDir2, `${EBPF_DIR}/${EbpfFile.Trace}`).toString("utf8")
    );
    if (trace?.schema !== EBPF_TRACE_SCHEMA)
      throw new Error(`schema "${trace?.schema}", expected "${EBPF_TRACE_SCHEMA}"`);
    for (const side of SIDES) trace.sides[side] ??= null;
    trace.warnings ??= [];
    return trace;
  } catch (error) {
    return {
      schema: EBPF_TRACE_SCHEMA,
      mode: "sampled",
      sampleRate: 1,
      stackDepth: 8,
      tracer: "unknown",
      sides: { baseline: null, gray: null },
      warnings: [`the eBPF trace ${path6} is unreadable (${error.message}); no allocation paths`]
    };
  }
}

// src/collect/bundle-check.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var finite = (v) => typeof v === "number" && Number.isFinite(v);
var nonNegative = (v) => finite(v) && v >= 0;
var string = (v) => typeof v === "string";
var orNull = (check2) => (v) => v === null || check2(v);
var optional = (check2) => (v) => v === void 0 || check2(v);
var listOf = (check2) => (v) => Array.isArray(v) && v.every(check2);
function firstBad(value4, fields) {
  if (!isObject(value4)) return "it is not a JSON object";
  for (const [name, check2] of Object.entries(fields))
    if (!check2(value4[name])) return `"${name}" is ${describe(value4[name])}`;
  return null;
}
function describe(v) {
  if (v === void 0) return "missing";
  const text = JSON.stringify(v) ?? String(v);
  return `wrong (${text.length > 40 ? `${text.slice(0, 40)}...` : text})`;
}
var instanceMeta = (v) => firstBad(v, { command: string, port: orNull(finite), location: string }) === null;
var exitFields = {
  atMs: finite,
  code: orNull(finite),
  signal: orNull(string),
  beforeReady: (v) => typeof v === "boolean",
  lastOutput: listOf(string)
};
var exit = (v) => v === null || firstBad(v, exitFields) === null;
var instanceFinal = (v) => firstBad(v, { peakBytes: orNull(finite), oomKills: orNull(finite), exit }) === null;
function metaProblem(meta) {
  const top = firstBad(meta, {
    warmupMs: nonNegative,
    durationMs: nonNegative,
    intervalMs: nonNegative,
    memoryMaxBytes: orNull(nonNegative),
    replicas: optional((v) => Number.isSafeInteger(v) && v >= 0),
    driver: string,
    load: orNull(string),
    limitations: listOf(string),
    warnings: listOf(string),
    endedEarly: orNull(string),
    sides: isObject
  });
  if (top) return top;
  const sides = meta.sides;
  for (const side of SIDES) {
    const bad = firstBad(sides[side], {
      command: string,
      port: orNull(finite),
      location: string,
      instances: optional(listOf(instanceMeta))
    });
    if (bad) return `sides.${side}: ${bad}`;
  }
  return null;
}
function finalProblem(final) {
  if (!isObject(final)) return "it is not a JSON object";
  for (const side of SIDES) {
    const bad = firstBad(final[side], {
      peakBytes: orNull(finite),
      oomKills: orNull(finite),
      exit,
      instances: optional(listOf(instanceFinal))
    });
    if (bad) return `${side}: ${bad}`;
  }
  return null;
}
var readings = listOf(orNull(finite));
var sampleFields = {
  t: finite,
  baseline: orNull(finite),
  gray: orNull(finite),
  instances: optional((v) => isObject(v) && SIDES.every((s) => readings(v[s])))
};
function sampleProblem(sample) {
  return firstBad(sample, sampleFields);
}
var statFields = {
  t: finite,
  side: (v) => SIDES.includes(v),
  anonBytes: finite,
  fileBytes: finite,
  kernelBytes: finite,
  sockBytes: finite,
  instance: optional((v) => Number.isSafeInteger(v) && v >= 0)
};
function statProblem(stat2) {
  return firstBad(stat2, statFields);
}

// src/collect/bundle-io.ts
function bundleDir(outDir) {
  return join5(outDir, BundleFile.Dir);
}
var jsonLines = (rows) => rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");
function writeBundle(outDir, bundle) {
  const dir = bundleDir(outDir);
  mkdirSync2(dir, { recursive: true });
  writeFileSync3(join5(dir, BundleFile.Meta), JSON.stringify(bundle.meta, null, 2) + "\n");
  writeFileSync3(join5(dir, BundleFile.Samples), jsonLines(bundle.samples));
  writeFileSync3(join5(dir, BundleFile.Stats), jsonLines(bundle.stats));
  writeFileSync3(join5(dir, BundleFile.Final), JSON.stringify(bundle.final, null, 2) + "\n");
  return dir;
}
function bundleText(dir, name) {
  try {
    return readInsideBundle(dir, name).toString("utf8");
  } catch (error) {
    if (error instanceof BundlePathError)
      throw new UsageError(`the bundle at ${dir} is damaged: ${error.message}; re-run memgate to record a new one.`);
    throw error;
  }
}
function parseLines(dir, name, problem) {
  const path6 = join5(dir, name);
  return bundleText(dir, name).split("\n").filter((l) => l.trim() !== "").map((line, i2) => {
    let value4;
    try {
      value4 = JSON.parse(line);
    } catch {
      throw new UsageError(
        `${path6} line ${i2 + 1} is not JSON; the bundle is damaged. Re-run memgate to record a new one.`
      );
    }
    const bad = problem(value4);
    if (bad)
      throw new UsageError(
        `${path6} line ${i2 + 1}: ${bad}; the bundle is damaged. Re-run memgate to record a new one.`
      );
    return value4;
  });
}
function readBundle(path6) {
  const dir = existsSync3(join5(path6, BundleFile.Meta)) ? path6 : bundleDir(path6);
  const metaPath = join5(dir, BundleFile.Meta);
  if (!existsSync3(metaPath)) {
    throw new UsageError(
      `no memgate bundle at ${path6} (expected ${metaPath}); give the --out directory of an earlier "memgate run".`
    );
  }
  let meta;
  let final;
  const metaText = bundleText(dir, BundleFile.Meta);
  const finalText = bundleText(dir, BundleFile.Final);
  try {
    meta = JSON.parse(metaText);
    final = JSON.parse(finalText);
  } catch (error) {
    throw new UsageError(
      `the bundle at ${dir} is damaged (${error.message}); re-run memgate to record a new one.`
    );
  }
  if (typeof meta !== "object" || meta === null || typeof final !== "object" || final === null) {
    throw new UsageError(
      `the bundle at ${dir} is damaged (${BundleFile.Meta} or ${BundleFile.Final} is not a JSON object); re-run memgate to record a new one.`
    );
  }
  if (!READABLE_BUNDLE_SCHEMAS.includes(meta.schema)) {
    throw new UsageError(
      `${metaPath} has schema "${meta.schema}", this memgate reads ${READABLE_BUNDLE_SCHEMAS.map((s) => `"${s}"`).join(" and ")}; analyze it with the memgate version that recorded it.`
    );
  }
  for (const [file, bad] of [
    [BundleFile.Meta, metaProblem(meta)],
    [BundleFile.Final, finalProblem(final)]
  ]) {
    if (bad)
      throw new UsageError(`${join5(dir, file)}: ${bad}; the bundle is damaged. Re-run memgate to record a new one.`);
  }
  return {
    meta,
    final,
    samples: parseLines(dir, BundleFile.Samples, sampleProblem),
    stats: existsSync3(join5(dir, BundleFile.Stats)) ? parseLines(dir, BundleFile.Stats, statProblem) : [],
    profiles: readProfileSet(dir),
    ebpf: readEbpfTrace(dir)
  };
}

// src/gate/judge-bundle.ts
import { mkdirSync as mkdirSync3 } from "node:fs";
import { join as join6 } from "node:path";

// src/analyze/evidence-text.ts
var percent = (share) => `${Math.round(share * 100)}%`;
function suspectAmount(s) {
  if (s.source === "goroutine") {
    const state = s.state ? ` [${s.state}${s.waitMinutes ? `, ${s.waitMinutes} min` : ""}]` : "";
    return `+${s.count} goroutines${state} (${percent(s.share)} of the goroutine growth)`;
  }
  if (s.source === "ebpf")
    return `+${formatBytes(s.bytes ?? 0)}/s allocated (gray ${formatBytes(s.gray)}/s vs baseline ${formatBytes(s.baseline)}/s; ${percent(s.share)} of the allocation-rate increase)`;
  if (s.kind === "excess")
    return `${formatBytes(s.bytes ?? 0)} more retained at the end (${percent(s.share)} of the excess)`;
  return `+${formatBytes(s.bytes ?? 0)} retained (${percent(s.share)} of the heap growth)`;
}
function describeSuspect(s) {
  const where = s.location ? ` (${s.location})` : "";
  const created = s.createdBy ? `, created by ${s.createdBy}` : "";
  const caller = s.source !== "goroutine" && s.caller && s.caller !== s.function ? `, from ${s.caller}` : "";
  return `${s.function}${where} ${suspectAmount(s)}${caller}${created}`;
}
function topSuspectClause(suspects, patterns) {
  const top = suspects[0];
  if (!top) return null;
  const pattern = patterns.find((p) => p.id === top.pattern) ?? null;
  return `top suspect: ${describeSuspect(top)}${pattern ? `; looks like ${pattern.id} (${percent(pattern.confidence)} sure)` : ""}`;
}

// src/report/chart.ts
var MiB = 1024 * 1024;
function downsample(samples, maxPoints) {
  const out = { seconds: [], baseline: [], gray: [] };
  if (samples.length === 0) return out;
  const buckets = Math.min(maxPoints, samples.length);
  const start = samples[0].t;
  const span = Math.max(1, samples[samples.length - 1].t - start);
  const width = span / buckets;
  for (let i2 = 0; i2 < buckets; i2++) {
    out.seconds.push(Math.round((start + i2 * width) / 100) / 10);
    out.baseline.push(null);
    out.gray.push(null);
  }
  for (const s of samples) {
    const i2 = Math.min(buckets - 1, Math.floor((s.t - start) / width));
    for (const side of ["baseline", "gray"]) {
      const v = s[side];
      if (v === null) continue;
      const mib2 = Math.round(v / MiB * 100) / 100;
      const prev = out[side][i2];
      out[side][i2] = prev === null ? mib2 : Math.max(prev, mib2);
    }
  }
  for (const side of ["baseline", "gray"]) {
    for (let i2 = 1; i2 < buckets; i2++) out[side][i2] ??= out[side][i2 - 1];
  }
  return out;
}
function timeline(samples, maxPoints = 240) {
  if (samples.length <= maxPoints) return samples.map((s) => ({ ...s }));
  const series = downsample(samples, maxPoints);
  return series.seconds.map((sec, i2) => ({
    t: Math.round(sec * 1e3),
    baseline: series.baseline[i2] === null ? null : Math.round(series.baseline[i2] * MiB),
    gray: series.gray[i2] === null ? null : Math.round(series.gray[i2] * MiB)
  }));
}
var COLORS = { baseline: "#1f77b4", gray: "#d62728" };
function svgChart(samples, warmupMs, width = 760, height = 280) {
  const series = downsample(samples, 400);
  if (series.seconds.length < 2) return "<p>No memory readings were recorded.</p>";
  const pad = { left: 56, right: 16, top: 16, bottom: 36 };
  const values = [...series.baseline, ...series.gray].filter((v) => v !== null);
  const yMax = Math.max(1, Math.ceil(Math.max(...values) * 1.1));
  const x0 = series.seconds[0];
  const x1 = series.seconds[series.seconds.length - 1];
  const x = (s) => pad.left + (s - x0) / Math.max(1e-9, x1 - x0) * (width - pad.left - pad.right);
  const y = (v) => height - pad.bottom - v / yMax * (height - pad.top - pad.bottom);
  const path6 = (side) => series[side].map((v, i2) => v === null ? "" : `${x(series.seconds[i2]).toFixed(1)},${y(v).toFixed(1)}`).filter(Boolean).join(" ");
  const parts = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Memory of baseline and gray over time">`
  );
  const warmEnd = Math.min(x1, warmupMs / 1e3);
  if (warmEnd > x0)
    parts.push(
      `<rect x="${x(x0)}" y="${pad.top}" width="${(x(warmEnd) - x(x0)).toFixed(1)}" height="${height - pad.top - pad.bottom}" fill="#eee"><title>warm-up (not judged)</title></rect>`
    );
  for (let i2 = 0; i2 <= 4; i2++) {
    const v = yMax * i2 / 4;
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`
    );
    parts.push(
      `<text x="${pad.left - 6}" y="${(y(v) + 4).toFixed(1)}" font-size="11" text-anchor="end">${v.toFixed(v < 10 ? 1 : 0)}</text>`
    );
  }
  for (let i2 = 0; i2 <= 5; i2++) {
    const s = x0 + (x1 - x0) * i2 / 5;
    parts.push(
      `<text x="${x(s).toFixed(1)}" y="${height - pad.bottom + 16}" font-size="11" text-anchor="middle">${s.toFixed(0)}s</text>`
    );
  }
  parts.push(
    `<text x="14" y="${height / 2}" font-size="11" transform="rotate(-90 14 ${height / 2})" text-anchor="middle">MiB</text>`
  );
  for (const side of ["baseline", "gray"]) {
    parts.push(
      `<polyline class="series-${side}" fill="none" stroke="${COLORS[side]}" stroke-width="2" points="${path6(side)}"/>`
    );
  }
  parts.push(
    `<g font-size="12"><rect x="${pad.left + 10}" y="${pad.top + 6}" width="12" height="3" fill="${COLORS.baseline}"/><text x="${pad.left + 26}" y="${pad.top + 11}">baseline</text><rect x="${pad.left + 100}" y="${pad.top + 6}" width="12" height="3" fill="${COLORS.gray}"/><text x="${pad.left + 116}" y="${pad.top + 11}">gray</text></g>`
  );
  parts.push("</svg>");
  return parts.join("");
}

// src/report/format.ts
var bytesOrNa = (v) => v === null ? "n/a" : formatBytes(v);
var confidenceText = (confidence) => `${Math.round(confidence * 100)}% CI`;
var slopeWithInterval = (s, confidence) => s.slopeBytesPerSec === null ? "n/a" : `${formatRate(s.slopeBytesPerSec)} (${confidenceText(confidence)} ${formatRate(s.slopeInterval.low)} .. ${formatRate(s.slopeInterval.high)})`;
var rateOrNa = (v) => v === null ? "n/a" : formatRate(v);
function instanceRows(report) {
  if (report.baseline.instances.length < 2 && report.gray.instances.length < 2) return [];
  const rows = [];
  for (const side of ["baseline", "gray"]) {
    for (const [i2, p] of report[side].instances.entries()) {
      rows.push([
        `${side} #${i2 + 1}`,
        bytesOrNa(p.p95Bytes),
        rateOrNa(p.slopeBytesPerSec),
        rateOrNa(p.inuseGrowthBytesPerSec),
        bytesOrNa(p.lastFloorBytes),
        p.oomKills ? `${p.oomKills} OOM` : p.exited ? "exited" : ""
      ]);
    }
  }
  return rows;
}
var INSTANCE_HEAD = ["process", "P95", "floor slope", "retained heap growth", "floor at end", ""];

// src/report/html.ts
function escapeHtml(text) {
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ").replace(/[&<>"'`]/g, (c3) => `&#${c3.charCodeAt(0)};`);
}
var BANNER = {
  pass: { text: "PASS", color: "#1a7f37" },
  warn: { text: "WARN", color: "#9a6700" },
  fail: { text: "BLOCKED", color: "#cf222e" },
  inconclusive: { text: "INCONCLUSIVE", color: "#6e7781" }
};
function table(head, rows) {
  return `<table><thead><tr>${head.map((h2) => `<th>${h2}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c3) => `<td>${c3}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}
function renderHtml(report) {
  const banner = BANNER[report.verdict];
  const { baseline: b, gray: g2 } = report;
  const sections = [];
  sections.push(
    `<h1><span class="verdict" style="background:${banner.color}">${banner.text}</span>${report.grade ? ` <span class="grade">${report.grade}</span>` : ""} memgate memory report</h1>`
  );
  sections.push(
    `<p class="cmd">baseline: <code>${escapeHtml(b.command)}</code><br>gray: <code>${escapeHtml(g2.command)}</code><br>driver ${escapeHtml(report.settings.driver)} \xB7 warm-up ${report.settings.warmupMs / 1e3}s \xB7 window ${report.settings.windowMs / 1e3}s</p>`
  );
  sections.push(
    `<figure>${svgChart(report.timeline, report.settings.warmupMs)}<figcaption>Memory of both sides on one clock (shaded: warm-up, not judged).</figcaption></figure>`
  );
  sections.push(
    table(
      ["", "baseline", "gray"],
      [
        ["P95", bytesOrNa(b.p95Bytes), `${bytesOrNa(g2.p95Bytes)} (${formatPercent(report.p95Increase)})`],
        ["peak", bytesOrNa(b.peakBytes), bytesOrNa(g2.peakBytes)],
        ["floor slope", slopeWithInterval(b, report.confidence), slopeWithInterval(g2, report.confidence)],
        ["OOM kills", String(b.oomKills ?? "n/a"), String(g2.oomKills ?? "n/a")],
        ["samples", String(b.samples), String(g2.samples)]
      ]
    )
  );
  const perProcess = instanceRows(report);
  if (perProcess.length)
    sections.push(
      `<h2>Per process (${report.replicas} a side)</h2>` + table(
        INSTANCE_HEAD,
        perProcess.map((r) => r.map(escapeHtml))
      )
    );
  sections.push(
    "<h2>Rules</h2>" + table(
      ["rule", "measured", "limit", "result"],
      report.comparisons.map((c3) => {
        const fmt = (v) => v === null ? "n/a" : c3.unit === "ratio" ? formatPercent(v) : c3.unit === "bytes/s" ? formatRate(v) : String(v);
        return [c3.rule, fmt(c3.measured), fmt(c3.limit), c3.passed === null ? "n/a" : c3.passed ? "pass" : "<b>fail</b>"];
      })
    )
  );
  if (report.reasons.length)
    sections.push(
      `<h2>Why</h2><ul>${report.reasons.map((r) => `<li><b>${r.outcome}</b> (${r.rule}): ${escapeHtml(r.message)}</li>`).join("")}</ul>`
    );
  if (report.patterns.length) {
    sections.push(
      `<h2>Leak patterns</h2><ul>${report.patterns.map((p) => `<li><b>${escapeHtml(p.id)}</b> (${Math.round(p.confidence * 100)}% sure): ${escapeHtml(p.message)}<br><i>Fix:</i> ${escapeHtml(p.hint)}</li>`).join("")}</ul>`
    );
  }
  if (report.suspects.length) {
    sections.push(
      "<h2>Suspects</h2>" + report.suspects.map(
        (s, i2) => `<details${i2 < 3 ? " open" : ""}><summary>${i2 + 1}. <code>${escapeHtml(s.function)}</code> ${escapeHtml(suspectAmount(s))} \xB7 ${escapeHtml(s.source)}${s.location ? ` \xB7 ${escapeHtml(s.location)}` : ""}</summary><pre>${escapeHtml(s.stack.join("\n"))}</pre></details>`
      ).join("")
    );
  }
  for (const side of ["gray", "baseline"]) {
    const traced = report.ebpf?.[side];
    if (!traced?.paths.length) continue;
    sections.push(
      `<h2>Top allocation paths of ${side} (eBPF)</h2>` + table(
        ["#", "function", "rate", "share", "where"],
        traced.paths.slice(0, 10).map((p, i2) => [
          String(i2 + 1),
          `<code>${escapeHtml(p.function)}</code>`,
          escapeHtml(formatRate(p.bytesPerSec)),
          `${Math.round(p.share * 100)}%`,
          escapeHtml(p.location ?? "")
        ])
      )
    );
  }
  if (report.warnings.length)
    sections.push(`<h2>Warnings</h2><ul>${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>memgate: ${banner.text}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:980px;color:#1f2328;padding:0 16px}
.verdict{color:#fff;padding:2px 10px;border-radius:6px}.grade{border:1px solid #999;padding:1px 8px;border-radius:6px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:4px 10px;text-align:left}
code,pre{background:#f6f8fa;font-size:12px}pre{padding:8px;overflow:auto}.cmd{color:#57606a}
</style></head><body>
${sections.join("\n")}
<p class="cmd">memgate ${escapeHtml(report.memgateVersion)} \xB7 ${escapeHtml(report.schema)}</p>
</body></html>
`;
}

// node_modules/simple-statistics/dist/simple-statistics.mjs
function quickselect(arr, k, left, right) {
  left = left || 0;
  right = right || arr.length - 1;
  while (right > left) {
    if (right - left > 600) {
      var n2 = right - left + 1;
      var m = k - left + 1;
      var z2 = Math.log(n2);
      var s = 0.5 * Math.exp(2 * z2 / 3);
      var sd = 0.5 * Math.sqrt(z2 * s * (n2 - s) / n2);
      if (m - n2 / 2 < 0) {
        sd *= -1;
      }
      var newLeft = Math.max(left, Math.floor(k - m * s / n2 + sd));
      var newRight = Math.min(
        right,
        Math.floor(k + (n2 - m) * s / n2 + sd)
      );
      quickselect(arr, k, newLeft, newRight);
    }
    var t = arr[k];
    var i2 = left;
    var j = right;
    swap(arr, left, k);
    if (arr[right] > t) {
      swap(arr, left, right);
    }
    while (i2 < j) {
      swap(arr, i2, j);
      i2++;
      j--;
      while (arr[i2] < t) {
        i2++;
      }
      while (arr[j] > t) {
        j--;
      }
    }
    if (arr[left] === t) {
      swap(arr, left, j);
    } else {
      j++;
      swap(arr, j, right);
    }
    if (j <= k) {
      left = j + 1;
    }
    if (k <= j) {
      right = j - 1;
    }
  }
}
function swap(arr, i2, j) {
  var tmp = arr[i2];
  arr[i2] = arr[j];
  arr[j] = tmp;
}
var BayesianClassifier = function BayesianClassifier2() {
  this.totalCount = 0;
  this.data = {};
};
BayesianClassifier.prototype.train = function train(item, category) {
  if (!this.data[category]) {
    this.data[category] = {};
  }
  for (var k in item) {
    var v = item[k];
    if (this.data[category][k] === void 0) {
      this.data[category][k] = {};
    }
    if (this.data[category][k][v] === void 0) {
      this.data[category][k][v] = 0;
    }
    this.data[category][k][v]++;
  }
  this.totalCount++;
};
BayesianClassifier.prototype.score = function score(item) {
  var odds = {};
  var category;
  for (var k in item) {
    var v = item[k];
    for (category in this.data) {
      if (odds[category] === void 0) {
        odds[category] = {};
      }
      if (this.data[category][k]) {
        odds[category][k + "_" + v] = (this.data[category][k][v] || 0) / this.totalCount;
      } else {
        odds[category][k + "_" + v] = 0;
      }
    }
  }
  var oddsSums = {};
  for (category in odds) {
    oddsSums[category] = 0;
    for (var combination in odds[category]) {
      oddsSums[category] += odds[category][combination];
    }
  }
  return oddsSums;
};
var g = 607 / 128;
var LOGSQRT2PI = Math.log(Math.sqrt(2 * Math.PI));
var SQRT_2PI$1 = Math.sqrt(2 * Math.PI);
function cumulativeDistribution(z2) {
  var sum = z2;
  var tmp = z2;
  for (var i2 = 1; i2 < 30; i2++) {
    tmp *= z2 * z2 / (2 * i2 + 1);
    sum += tmp;
  }
  return Math.round((0.5 + sum / SQRT_2PI$1 * Math.exp(-z2 * z2 / 2)) * 1e4) / 1e4;
}
var standardNormalTable = [];
for (z = 0; z <= 3.09; z += 0.01) {
  standardNormalTable.push(cumulativeDistribution(z));
}
var z;
var SQRT_2PI = Math.sqrt(2 * Math.PI);
var PerceptronModel = function PerceptronModel2() {
  this.weights = [];
  this.bias = 0;
};
PerceptronModel.prototype.predict = function predict(features) {
  if (features.length !== this.weights.length) {
    return null;
  }
  var score2 = 0;
  for (var i2 = 0; i2 < this.weights.length; i2++) {
    score2 += this.weights[i2] * features[i2];
  }
  score2 += this.bias;
  if (score2 > 0) {
    return 1;
  } else {
    return 0;
  }
};
PerceptronModel.prototype.train = function train2(features, label) {
  if (label !== 0 && label !== 1) {
    return null;
  }
  if (features.length !== this.weights.length) {
    this.weights = features.slice();
    this.bias = 1;
  }
  var prediction = this.predict(features);
  if (typeof prediction === "number" && prediction !== label) {
    var gradient = label - prediction;
    for (var i2 = 0; i2 < this.weights.length; i2++) {
      this.weights[i2] += gradient * features[i2];
    }
    this.bias += gradient;
  }
  return this;
};

// src/analyze/stats.ts
var T95 = [
  12.706,
  4.303,
  3.182,
  2.776,
  2.571,
  2.447,
  2.365,
  2.306,
  2.262,
  2.228,
  2.201,
  2.179,
  2.16,
  2.145,
  2.131,
  2.12,
  2.11,
  2.101,
  2.093,
  2.086,
  2.08,
  2.074,
  2.069,
  2.064,
  2.06,
  2.056,
  2.052,
  2.048,
  2.045,
  2.042
];
function t95(degreesOfFreedom) {
  if (degreesOfFreedom < 1) return Infinity;
  return T95[Math.min(degreesOfFreedom, T95.length) - 1] ?? 1.96;
}
function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const s = new Float64Array(values);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  quickselect(s, lo);
  if (pos === lo) return s[lo];
  let above = Infinity;
  for (let i2 = lo + 1; i2 < s.length; i2++) if (s[i2] < above) above = s[i2];
  return s[lo] + (pos - lo) * (above - s[lo]);
}
function p95(values) {
  return values.length === 0 ? null : quantile(values, 0.95);
}
function floorIndices(t, v, binSeconds) {
  const n2 = t.length;
  if (n2 === 0) return [];
  const start = t[0];
  const fullBins = Math.max(1, Math.floor((t[n2 - 1] - start) / binSeconds + 1e-9));
  const floor = [];
  let bin = Number.NaN;
  for (let i2 = 0; i2 < n2; i2++) {
    const b = Math.floor((t[i2] - start) / binSeconds);
    if (b === bin) {
      if (v[i2] < v[floor[floor.length - 1]]) floor[floor.length - 1] = i2;
      continue;
    }
    if (b >= fullBins && fullBins > 1) break;
    bin = b;
    floor.push(i2);
  }
  return floor;
}
function fitSlope(points) {
  const n2 = points.length;
  if (n2 < 3) return null;
  const meanT = points.reduce((s, p) => s + p.t, 0) / n2;
  const meanV = points.reduce((s, p) => s + p.v, 0) / n2;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.t - meanT) ** 2;
    sxy += (p.t - meanT) * (p.v - meanV);
  }
  if (sxx === 0) return null;
  const slope2 = sxy / sxx;
  const intercept = meanV - slope2 * meanT;
  const ssr = points.reduce((s, p) => s + (p.v - (intercept + slope2 * p.t)) ** 2, 0);
  const stdError = Math.sqrt(ssr / (n2 - 2) / sxx);
  const half = t95(n2 - 2) * stdError;
  return { bytesPerSec: slope2, low: slope2 - half, high: slope2 + half, stdError, points };
}
function floorBinSeconds(windowSeconds) {
  return Math.max(1, Math.min(10, windowSeconds / 12));
}

// src/analyze/intervals.ts
function logGamma(x) {
  const c3 = [
    0.9999999999998099,
    676.5203681218851,
    -1259.1392167224028,
    771.3234287776531,
    -176.6150291621406,
    12.507343278686905,
    -0.13857109526572012,
    9984369578019572e-21,
    15056327351493116e-23
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z2 = x - 1;
  let a2 = c3[0];
  const t = z2 + 7.5;
  for (let i2 = 1; i2 < 9; i2++) a2 += c3[i2] / (z2 + i2);
  return 0.5 * Math.log(2 * Math.PI) + (z2 + 0.5) * Math.log(t) - t + Math.log(a2);
}
function betaContinuedFraction(a2, b, x) {
  const tiny = 1e-300;
  let c3 = 1;
  let d = 1 - (a2 + b) * x / (a2 + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h2 = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((a2 + m2 - 1) * (a2 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c3 = 1 + aa / c3;
    if (Math.abs(c3) < tiny) c3 = tiny;
    d = 1 / d;
    h2 *= d * c3;
    aa = -(a2 + m) * (a2 + b + m) * x / ((a2 + m2) * (a2 + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c3 = 1 + aa / c3;
    if (Math.abs(c3) < tiny) c3 = tiny;
    d = 1 / d;
    const step = d * c3;
    h2 *= step;
    if (Math.abs(step - 1) < 1e-14) break;
  }
  return h2;
}
function incompleteBeta(a2, b, x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a2 + b) - logGamma(a2) - logGamma(b) + a2 * Math.log(x) + b * Math.log(1 - x));
  return x < (a2 + 1) / (a2 + b + 2) ? front * betaContinuedFraction(a2, b, x) / a2 : 1 - front * betaContinuedFraction(b, a2, 1 - x) / b;
}
function studentCdf(t, df) {
  if (!Number.isFinite(df)) return 0.5 * (1 + erf(t / Math.SQRT2));
  const tail = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
  return t >= 0 ? 1 - tail : tail;
}
function erf(x) {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  if (ax > 6) return sign;
  let sum = ax;
  let term = ax;
  for (let n2 = 1; n2 < 200; n2++) {
    term *= -ax * ax / n2;
    const add2 = term / (2 * n2 + 1);
    sum += add2;
    if (Math.abs(add2) < 1e-17 * Math.abs(sum)) break;
  }
  return sign * Math.min(1, 2 / Math.sqrt(Math.PI) * sum);
}
function tCritical(confidence, df) {
  if (!(df > 0)) return Infinity;
  const p = 1 - (1 - confidence) / 2;
  let lo = 0;
  let hi = 1;
  while (studentCdf(hi, df) < p) {
    hi *= 2;
    if (hi > 1e12) return Infinity;
  }
  for (let i2 = 0; i2 < 100; i2++) {
    const mid = (lo + hi) / 2;
    if (studentCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function intervalOf(e, confidence) {
  const half = tCritical(confidence, e.df) * e.stdError;
  return { value: e.value, low: e.value - half, high: e.value + half, stdError: e.stdError, df: e.df, confidence };
}
function ewcComponents(n2) {
  return Math.max(2, Math.min(Math.floor(n2 / 2), Math.floor(0.4 * Math.cbrt(n2 * n2) + 1e-9)));
}
function olsSlope(t, v) {
  const n2 = t.length;
  if (n2 < 4) return null;
  let meanT = 0;
  let meanV = 0;
  for (let i2 = 0; i2 < n2; i2++) {
    meanT += t[i2];
    meanV += v[i2];
  }
  meanT /= n2;
  meanV /= n2;
  let sxx = 0;
  let sxy = 0;
  for (let i2 = 0; i2 < n2; i2++) {
    sxx += (t[i2] - meanT) ** 2;
    sxy += (t[i2] - meanT) * (v[i2] - meanV);
  }
  if (!(sxx > 0)) return null;
  const value4 = sxy / sxx;
  return { value: value4, intercept: meanV - value4 * meanT, meanT, sxx };
}
function ewcSlopeOf(t, v, components = ewcComponents(t.length)) {
  const fit = olsSlope(t, v);
  if (!fit) return null;
  const n2 = t.length;
  const { value: slope2, intercept, meanT, sxx } = fit;
  const scores = new Float64Array(n2);
  for (let i2 = 0; i2 < n2; i2++) scores[i2] = (t[i2] - meanT) * (v[i2] - intercept - slope2 * t[i2]);
  const nu = Math.min(components, n2 - 2);
  let omega = 0;
  for (let j = 1; j <= nu; j++) {
    const theta = Math.PI * j / n2;
    const twoCos = 2 * Math.cos(theta);
    let previous = Math.cos(-theta / 2);
    let current = Math.cos(theta / 2);
    let proj = 0;
    for (let i2 = 0; i2 < n2; i2++) {
      proj += current * scores[i2];
      const next = twoCos * current - previous;
      previous = current;
      current = next;
    }
    omega += 2 / n2 * proj * proj;
  }
  omega /= nu;
  const stdError = Math.sqrt(n2 * omega / (sxx * sxx));
  return { value: slope2, stdError, df: nu, intercept };
}
function sideMean(values, withinStdErrors = [], withinDf = Infinity) {
  const n2 = values.length;
  if (n2 === 0) return null;
  const mean3 = values.reduce((a2, b) => a2 + b, 0) / n2;
  if (n2 === 1) return { value: mean3, stdError: withinStdErrors[0] ?? 0, df: withinDf };
  const between = values.reduce((a2, v) => a2 + (v - mean3) ** 2, 0) / (n2 - 1);
  return { value: mean3, stdError: Math.sqrt(between / n2), df: n2 - 1 };
}
function pooledDifference(gray2, baseline) {
  const n1 = gray2.length;
  const n2 = baseline.length;
  if (n1 < 2 || n2 < 2) return null;
  const m1 = gray2.reduce((a2, b) => a2 + b, 0) / n1;
  const m2 = baseline.reduce((a2, b) => a2 + b, 0) / n2;
  const ss = gray2.reduce((a2, v) => a2 + (v - m1) ** 2, 0) + baseline.reduce((a2, v) => a2 + (v - m2) ** 2, 0);
  const pooled = ss / (n1 + n2 - 2);
  return { value: m1 - m2, stdError: Math.sqrt(pooled * (1 / n1 + 1 / n2)), df: n1 + n2 - 2 };
}
function difference(gray2, baseline) {
  const vg = gray2.stdError ** 2;
  const vb = baseline.stdError ** 2;
  const v = vg + vb;
  const denominator = (Number.isFinite(gray2.df) ? vg * vg / gray2.df : 0) + (Number.isFinite(baseline.df) ? vb * vb / baseline.df : 0);
  const df = v === 0 ? Math.min(gray2.df, baseline.df) : denominator === 0 ? Infinity : v * v / denominator;
  return { value: gray2.value - baseline.value, stdError: Math.sqrt(v), df };
}
function seededRandom(seed) {
  let a2 = seed >>> 0;
  return () => {
    a2 = a2 + 1831565813 >>> 0;
    let t = a2;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function blockBootstrapQuantile(values, q, blockLength, draws = 400, seed = 1) {
  const n2 = values.length;
  if (n2 < 8) return null;
  const block = Math.max(1, Math.min(Math.floor(n2 / 2), Math.round(blockLength)));
  const random = seededRandom(seed);
  const estimates = [];
  const resample = new Float64Array(n2);
  for (let d = 0; d < draws; d++) {
    for (let i2 = 0; i2 < n2; ) {
      const start = Math.floor(random() * n2);
      for (let k = 0; k < block && i2 < n2; k++, i2++) resample[i2] = values[(start + k) % n2];
    }
    estimates.push(quantile(resample, q));
  }
  const mean3 = estimates.reduce((a2, b) => a2 + b, 0) / draws;
  const sd = Math.sqrt(estimates.reduce((a2, b) => a2 + (b - mean3) ** 2, 0) / (draws - 1));
  return { value: quantile(values, q), stdError: sd, df: Math.max(1, Math.floor(n2 / block) - 1) };
}

// src/analyze/heap-profile.ts
import { gunzipSync } from "node:zlib";

// node_modules/pprof-format/dist/esm/index.js
var __classPrivateFieldGet = function(receiver, state, kind, f) {
  if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
  if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
  return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
};
var _StringTable_encodings;
var _StringTable_positions;
var lowMaxBig = 2n ** 32n - 1n;
var lowMax = 2 ** 32 - 1;
var lowMaxPlus1 = lowMax + 1;
var toUtf8 = typeof Buffer === "undefined" ? (value4) => new TextEncoder().encode(value4) : (value4) => Buffer.from(value4, "utf8");
function countNumberBytes(buffer) {
  if (!buffer.length)
    return 0;
  let i2 = 0;
  while (i2 < buffer.length && buffer[i2++] >= 128)
    ;
  return i2;
}
function decodeBigNumber(buffer) {
  if (!buffer.length)
    return BigInt(0);
  let value4 = BigInt(buffer[0] & 127);
  let i2 = 0;
  while (buffer[i2++] >= 128) {
    value4 |= BigInt(buffer[i2] & 127) << BigInt(7 * i2);
  }
  return value4;
}
function makeValue(value4, offset = 0) {
  return { value: value4, offset };
}
function getValue(mode, buffer) {
  switch (mode) {
    case kTypeVarInt:
      for (let i2 = 0; i2 < buffer.length; i2++) {
        if (!(buffer[i2] & 128)) {
          return makeValue(buffer.subarray(0, i2 + 1));
        }
      }
      return makeValue(buffer);
    case kTypeLengthDelim: {
      const offset = countNumberBytes(buffer);
      const size = decodeNumber(buffer);
      return makeValue(buffer.subarray(offset, Number(size) + offset), offset);
    }
    default:
      throw new Error(`Unrecognized value type: ${mode}`);
  }
}
function lowBits(number) {
  return typeof number !== "bigint" ? (number >>> 0) % lowMaxPlus1 : Number(number & lowMaxBig);
}
function highBits(number) {
  return typeof number !== "bigint" ? number / lowMaxPlus1 >>> 0 : Number(number >> 32n & lowMaxBig);
}
function long(number) {
  const sign = number < 0;
  if (sign)
    number = -number;
  let lo = lowBits(number);
  let hi = highBits(number);
  if (sign) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
    if (++lo > lowMax) {
      lo = 0;
      if (++hi > lowMax) {
        hi = 0;
      }
    }
  }
  return [hi, lo];
}
var kTypeVarInt = 0;
var kTypeLengthDelim = 2;
function decodeNumber(buffer) {
  const size = countNumberBytes(buffer);
  if (size > 4)
    return decodeBigNumber(buffer);
  if (!buffer.length)
    return 0;
  let value4 = buffer[0] & 127;
  let i2 = 0;
  while (buffer[i2++] >= 128) {
    value4 |= (buffer[i2] & 127) << 7 * i2;
  }
  return value4;
}
function decodeNumbers(buffer) {
  const values = [];
  let start = 0;
  for (let i2 = 0; i2 < buffer.length; i2++) {
    if ((buffer[i2] & 128) === 0) {
      values.push(decodeNumber(buffer.subarray(start, i2 + 1)));
      start = i2 + 1;
    }
  }
  return values;
}
function push(value4, list2) {
  if (list2 == null) {
    return [value4];
  }
  list2.push(value4);
  return list2;
}
function pushAll(values, list2) {
  if (list2 == null) {
    return values;
  }
  for (const value4 of values) {
    list2.push(value4);
  }
  return list2;
}
function measureNumber(number) {
  if (number === 0 || number === 0n)
    return 0;
  const [hi, lo] = long(number);
  const a2 = lo;
  const b = (lo >>> 28 | hi << 4) >>> 0;
  const c3 = hi >>> 24;
  if (c3 !== 0) {
    return c3 < 128 ? 9 : 10;
  }
  if (b !== 0) {
    if (b < 16384) {
      return b < 128 ? 5 : 6;
    }
    return b < 2097152 ? 7 : 8;
  }
  if (a2 < 16384) {
    return a2 < 128 ? 1 : 2;
  }
  return a2 < 2097152 ? 3 : 4;
}
function measureValue(value4) {
  if (typeof value4 === "undefined")
    return 0;
  if (typeof value4 === "number" || typeof value4 === "bigint") {
    return measureNumber(value4) || 1;
  }
  return value4.length;
}
function measureArray(list2) {
  let size = 0;
  for (const item of list2) {
    size += measureValue(item);
  }
  return size;
}
function measureNumberField(number) {
  const length = measureNumber(number);
  return length ? 1 + length : 0;
}
function measureNumberArrayField(values) {
  let total = 0;
  for (const value4 of values) {
    total += measureNumber(value4) || 1;
  }
  return total ? 1 + measureNumber(total) + total : 0;
}
function measureLengthDelimField(value4) {
  const length = measureValue(value4);
  return length ? 1 + measureNumber(length) + length : 0;
}
function measureLengthDelimArrayField(values) {
  let total = 0;
  for (const value4 of values) {
    total += measureLengthDelimField(value4);
  }
  return total;
}
function encodeNumber(buffer, i2, number) {
  if (number === 0 || number === 0n) {
    buffer[i2++] = 0;
    return i2;
  }
  let [hi, lo] = long(number);
  while (hi) {
    buffer[i2++] = lo & 127 | 128;
    lo = (lo >>> 7 | hi << 25) >>> 0;
    hi >>>= 7;
  }
  while (lo > 127) {
    buffer[i2++] = lo & 127 | 128;
    lo = lo >>> 7;
  }
  buffer[i2++] = lo;
  return i2;
}
var emptyTableToken = /* @__PURE__ */ Symbol();
var StringTable = class _StringTable {
  constructor(tok) {
    this.strings = new Array();
    _StringTable_encodings.set(this, new Array());
    _StringTable_positions.set(this, /* @__PURE__ */ new Map());
    if (tok !== emptyTableToken) {
      this.dedup("");
    }
  }
  get encodedLength() {
    let size = 0;
    for (const encoded of __classPrivateFieldGet(this, _StringTable_encodings, "f")) {
      size += encoded.length;
    }
    return size;
  }
  _encodeToBuffer(buffer, offset) {
    for (const encoded of __classPrivateFieldGet(this, _StringTable_encodings, "f")) {
      buffer.set(encoded, offset);
      offset += encoded.length;
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.encodedLength)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static _encodeStringFromUtf8(stringBuffer) {
    const buffer = new Uint8Array(1 + stringBuffer.length + (measureNumber(stringBuffer.length) || 1));
    let offset = 0;
    buffer[offset++] = 50;
    offset = encodeNumber(buffer, offset, stringBuffer.length);
    if (stringBuffer.length > 0) {
      buffer.set(stringBuffer, offset);
    }
    return buffer;
  }
  static _encodeString(string2) {
    return _StringTable._encodeStringFromUtf8(toUtf8(string2));
  }
  dedup(string2) {
    if (typeof string2 === "number")
      return string2;
    if (!__classPrivateFieldGet(this, _StringTable_positions, "f").has(string2)) {
      const pos = this.strings.push(string2) - 1;
      __classPrivateFieldGet(this, _StringTable_positions, "f").set(string2, pos);
      __classPrivateFieldGet(this, _StringTable_encodings, "f").push(_StringTable._encodeString(string2));
    }
    return __classPrivateFieldGet(this, _StringTable_positions, "f").get(string2);
  }
  _decodeString(buffer) {
    const string2 = new TextDecoder().decode(buffer);
    __classPrivateFieldGet(this, _StringTable_positions, "f").set(string2, this.strings.push(string2) - 1);
    __classPrivateFieldGet(this, _StringTable_encodings, "f").push(_StringTable._encodeStringFromUtf8(buffer));
  }
};
_StringTable_encodings = /* @__PURE__ */ new WeakMap(), _StringTable_positions = /* @__PURE__ */ new WeakMap();
function decode(buffer, decoder2) {
  const data = {};
  let index = 0;
  while (index < buffer.length) {
    const field = buffer[index] >> 3;
    const mode = buffer[index] & 7;
    index++;
    const { offset, value: value4 } = getValue(mode, buffer.subarray(index));
    index += value4.length + offset;
    decoder2(data, field, value4);
  }
  return data;
}
var ValueType = class _ValueType {
  static create(data) {
    return data instanceof _ValueType ? data : new _ValueType(data);
  }
  constructor(data) {
    this.type = data.type || 0;
    this.unit = data.unit || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.type);
    total += measureNumberField(this.unit);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.type) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.type);
    }
    if (this.unit) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.unit);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.type = decodeNumber(buffer);
        break;
      case 2:
        data.unit = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Label = class _Label {
  static create(data) {
    return data instanceof _Label ? data : new _Label(data);
  }
  constructor(data) {
    this.key = data.key || 0;
    this.str = data.str || 0;
    this.num = data.num || 0;
    this.numUnit = data.numUnit || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.key);
    total += measureNumberField(this.str);
    total += measureNumberField(this.num);
    total += measureNumberField(this.numUnit);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.key) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.key);
    }
    if (this.str) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.str);
    }
    if (this.num) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.num);
    }
    if (this.numUnit) {
      buffer[offset++] = 32;
      offset = encodeNumber(buffer, offset, this.numUnit);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.key = decodeNumber(buffer);
        break;
      case 2:
        data.str = decodeNumber(buffer);
        break;
      case 3:
        data.num = decodeNumber(buffer);
        break;
      case 4:
        data.numUnit = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Sample = class _Sample {
  static create(data) {
    return data instanceof _Sample ? data : new _Sample(data);
  }
  constructor(data) {
    this.locationId = data.locationId || [];
    this.value = data.value || [];
    this.label = (data.label || []).map(Label.create);
  }
  get length() {
    let total = 0;
    total += measureNumberArrayField(this.locationId);
    total += measureNumberArrayField(this.value);
    total += measureLengthDelimArrayField(this.label);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.locationId.length) {
      buffer[offset++] = 10;
      offset = encodeNumber(buffer, offset, measureArray(this.locationId));
      for (const locationId of this.locationId) {
        offset = encodeNumber(buffer, offset, locationId);
      }
    }
    if (this.value.length) {
      buffer[offset++] = 18;
      offset = encodeNumber(buffer, offset, measureArray(this.value));
      for (const value4 of this.value) {
        offset = encodeNumber(buffer, offset, value4);
      }
    }
    for (const label of this.label) {
      buffer[offset++] = 26;
      offset = encodeNumber(buffer, offset, label.length);
      offset = label._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.locationId = pushAll(decodeNumbers(buffer), data.locationId);
        break;
      case 2:
        data.value = pushAll(decodeNumbers(buffer), data.value);
        break;
      case 3:
        data.label = push(Label.decode(buffer), data.label);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Mapping = class _Mapping {
  static create(data) {
    return data instanceof _Mapping ? data : new _Mapping(data);
  }
  constructor(data) {
    this.id = data.id || 0;
    this.memoryStart = data.memoryStart || 0;
    this.memoryLimit = data.memoryLimit || 0;
    this.fileOffset = data.fileOffset || 0;
    this.filename = data.filename || 0;
    this.buildId = data.buildId || 0;
    this.hasFunctions = !!data.hasFunctions;
    this.hasFilenames = !!data.hasFilenames;
    this.hasLineNumbers = !!data.hasLineNumbers;
    this.hasInlineFrames = !!data.hasInlineFrames;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.id);
    total += measureNumberField(this.memoryStart);
    total += measureNumberField(this.memoryLimit);
    total += measureNumberField(this.fileOffset);
    total += measureNumberField(this.filename);
    total += measureNumberField(this.buildId);
    total += measureNumberField(this.hasFunctions ? 1 : 0);
    total += measureNumberField(this.hasFilenames ? 1 : 0);
    total += measureNumberField(this.hasLineNumbers ? 1 : 0);
    total += measureNumberField(this.hasInlineFrames ? 1 : 0);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.id) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.id);
    }
    if (this.memoryStart) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.memoryStart);
    }
    if (this.memoryLimit) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.memoryLimit);
    }
    if (this.fileOffset) {
      buffer[offset++] = 32;
      offset = encodeNumber(buffer, offset, this.fileOffset);
    }
    if (this.filename) {
      buffer[offset++] = 40;
      offset = encodeNumber(buffer, offset, this.filename);
    }
    if (this.buildId) {
      buffer[offset++] = 48;
      offset = encodeNumber(buffer, offset, this.buildId);
    }
    if (this.hasFunctions) {
      buffer[offset++] = 56;
      offset = encodeNumber(buffer, offset, 1);
    }
    if (this.hasFilenames) {
      buffer[offset++] = 64;
      offset = encodeNumber(buffer, offset, 1);
    }
    if (this.hasLineNumbers) {
      buffer[offset++] = 72;
      offset = encodeNumber(buffer, offset, 1);
    }
    if (this.hasInlineFrames) {
      buffer[offset++] = 80;
      offset = encodeNumber(buffer, offset, 1);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.id = decodeNumber(buffer);
        break;
      case 2:
        data.memoryStart = decodeNumber(buffer);
        break;
      case 3:
        data.memoryLimit = decodeNumber(buffer);
        break;
      case 4:
        data.fileOffset = decodeNumber(buffer);
        break;
      case 5:
        data.filename = decodeNumber(buffer);
        break;
      case 6:
        data.buildId = decodeNumber(buffer);
        break;
      case 7:
        data.hasFunctions = !!decodeNumber(buffer);
        break;
      case 8:
        data.hasFilenames = !!decodeNumber(buffer);
        break;
      case 9:
        data.hasLineNumbers = !!decodeNumber(buffer);
        break;
      case 10:
        data.hasInlineFrames = !!decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Line = class _Line {
  static create(data) {
    return data instanceof _Line ? data : new _Line(data);
  }
  constructor(data) {
    this.functionId = data.functionId || 0;
    this.line = data.line || 0;
    this.column = data.column || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.functionId);
    total += measureNumberField(this.line);
    total += measureNumberField(this.column);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.functionId) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.functionId);
    }
    if (this.line) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.line);
    }
    if (this.column) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.column);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.functionId = decodeNumber(buffer);
        break;
      case 2:
        data.line = decodeNumber(buffer);
        break;
      case 3:
        data.column = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Location = class _Location {
  static create(data) {
    return data instanceof _Location ? data : new _Location(data);
  }
  constructor(data) {
    this.id = data.id || 0;
    this.mappingId = data.mappingId || 0;
    this.address = data.address || 0;
    this.line = (data.line || []).map(Line.create);
    this.isFolded = !!data.isFolded;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.id);
    total += measureNumberField(this.mappingId);
    total += measureNumberField(this.address);
    total += measureLengthDelimArrayField(this.line);
    total += measureNumberField(this.isFolded ? 1 : 0);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.id) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.id);
    }
    if (this.mappingId) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.mappingId);
    }
    if (this.address) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.address);
    }
    for (const line of this.line) {
      buffer[offset++] = 34;
      offset = encodeNumber(buffer, offset, line.length);
      offset = line._encodeToBuffer(buffer, offset);
    }
    if (this.isFolded) {
      buffer[offset++] = 40;
      offset = encodeNumber(buffer, offset, 1);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.id = decodeNumber(buffer);
        break;
      case 2:
        data.mappingId = decodeNumber(buffer);
        break;
      case 3:
        data.address = decodeNumber(buffer);
        break;
      case 4:
        data.line = push(Line.decode(buffer), data.line);
        break;
      case 5:
        data.isFolded = !!decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Function = class _Function {
  static create(data) {
    return data instanceof _Function ? data : new _Function(data);
  }
  constructor(data) {
    this.id = data.id || 0;
    this.name = data.name || 0;
    this.systemName = data.systemName || 0;
    this.filename = data.filename || 0;
    this.startLine = data.startLine || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.id);
    total += measureNumberField(this.name);
    total += measureNumberField(this.systemName);
    total += measureNumberField(this.filename);
    total += measureNumberField(this.startLine);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.id) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.id);
    }
    if (this.name) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.name);
    }
    if (this.systemName) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.systemName);
    }
    if (this.filename) {
      buffer[offset++] = 32;
      offset = encodeNumber(buffer, offset, this.filename);
    }
    if (this.startLine) {
      buffer[offset++] = 40;
      offset = encodeNumber(buffer, offset, this.startLine);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.id = decodeNumber(buffer);
        break;
      case 2:
        data.name = decodeNumber(buffer);
        break;
      case 3:
        data.systemName = decodeNumber(buffer);
        break;
      case 4:
        data.filename = decodeNumber(buffer);
        break;
      case 5:
        data.startLine = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Profile = class {
  constructor(data = {}) {
    this.sampleType = (data.sampleType || []).map(ValueType.create);
    this.sample = (data.sample || []).map(Sample.create);
    this.mapping = (data.mapping || []).map(Mapping.create);
    this.location = (data.location || []).map(Location.create);
    this.function = (data.function || []).map(Function.create);
    this.stringTable = data.stringTable || new StringTable();
    this.dropFrames = data.dropFrames || 0;
    this.keepFrames = data.keepFrames || 0;
    this.timeNanos = data.timeNanos || 0;
    this.durationNanos = data.durationNanos || 0;
    this.periodType = data.periodType ? ValueType.create(data.periodType) : void 0;
    this.period = data.period || 0;
    this.comment = data.comment || [];
    this.defaultSampleType = data.defaultSampleType || 0;
    this.docUrl = data.docUrl || 0;
  }
  get length() {
    let total = 0;
    total += measureLengthDelimArrayField(this.sampleType);
    total += measureLengthDelimArrayField(this.sample);
    total += measureLengthDelimArrayField(this.mapping);
    total += measureLengthDelimArrayField(this.location);
    total += measureLengthDelimArrayField(this.function);
    total += this.stringTable.encodedLength;
    total += measureNumberField(this.dropFrames);
    total += measureNumberField(this.keepFrames);
    total += measureNumberField(this.timeNanos);
    total += measureNumberField(this.durationNanos);
    total += measureLengthDelimField(this.periodType);
    total += measureNumberField(this.period);
    total += measureNumberArrayField(this.comment);
    total += measureNumberField(this.defaultSampleType);
    total += measureNumberField(this.docUrl);
    return total;
  }
  _encodeSampleTypesToBuffer(buffer, offset = 0) {
    for (const sampleType of this.sampleType) {
      buffer[offset++] = 10;
      offset = encodeNumber(buffer, offset, sampleType.length);
      offset = sampleType._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeSamplesToBuffer(buffer, offset = 0) {
    for (const sample of this.sample) {
      buffer[offset++] = 18;
      offset = encodeNumber(buffer, offset, sample.length);
      offset = sample._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeMappingsToBuffer(buffer, offset = 0) {
    for (const mapping of this.mapping) {
      buffer[offset++] = 26;
      offset = encodeNumber(buffer, offset, mapping.length);
      offset = mapping._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeLocationsToBuffer(buffer, offset = 0) {
    for (const location of this.location) {
      buffer[offset++] = 34;
      offset = encodeNumber(buffer, offset, location.length);
      offset = location._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeFunctionsToBuffer(buffer, offset = 0) {
    for (const fun of this.function) {
      buffer[offset++] = 42;
      offset = encodeNumber(buffer, offset, fun.length);
      offset = fun._encodeToBuffer(buffer, offset);
    }
    return offset;
  }
  _encodeBasicValuesToBuffer(buffer, offset = 0) {
    if (this.dropFrames) {
      buffer[offset++] = 56;
      offset = encodeNumber(buffer, offset, this.dropFrames);
    }
    if (this.keepFrames) {
      buffer[offset++] = 64;
      offset = encodeNumber(buffer, offset, this.keepFrames);
    }
    if (this.timeNanos) {
      buffer[offset++] = 72;
      offset = encodeNumber(buffer, offset, this.timeNanos);
    }
    if (this.durationNanos) {
      buffer[offset++] = 80;
      offset = encodeNumber(buffer, offset, this.durationNanos);
    }
    if (typeof this.periodType !== "undefined") {
      buffer[offset++] = 90;
      offset = encodeNumber(buffer, offset, this.periodType.length);
      offset = this.periodType._encodeToBuffer(buffer, offset);
    }
    if (this.period) {
      buffer[offset++] = 96;
      offset = encodeNumber(buffer, offset, this.period);
    }
    if (this.comment.length) {
      buffer[offset++] = 106;
      offset = encodeNumber(buffer, offset, measureArray(this.comment));
      for (const comment of this.comment) {
        offset = encodeNumber(buffer, offset, comment);
      }
    }
    if (this.defaultSampleType) {
      buffer[offset++] = 112;
      offset = encodeNumber(buffer, offset, this.defaultSampleType);
    }
    if (this.docUrl) {
      buffer[offset++] = 120;
      offset = encodeNumber(buffer, offset, this.docUrl);
    }
    return offset;
  }
  _encodeToBuffer(buffer, offset = 0) {
    offset = this._encodeSampleTypesToBuffer(buffer, offset);
    offset = this._encodeSamplesToBuffer(buffer, offset);
    offset = this._encodeMappingsToBuffer(buffer, offset);
    offset = this._encodeLocationsToBuffer(buffer, offset);
    offset = this._encodeFunctionsToBuffer(buffer, offset);
    offset = this.stringTable._encodeToBuffer(buffer, offset);
    offset = this._encodeBasicValuesToBuffer(buffer, offset);
    return offset;
  }
  async _encodeToBufferAsync(buffer, offset = 0) {
    offset = this._encodeSampleTypesToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeSamplesToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeMappingsToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeLocationsToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeFunctionsToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this.stringTable._encodeToBuffer(buffer, offset);
    await new Promise(setImmediate);
    offset = this._encodeBasicValuesToBuffer(buffer, offset);
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  async encodeAsync(buffer = new Uint8Array(this.length)) {
    await this._encodeToBufferAsync(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.sampleType = push(ValueType.decode(buffer), data.sampleType);
        break;
      case 2:
        data.sample = push(Sample.decode(buffer), data.sample);
        break;
      case 3:
        data.mapping = push(Mapping.decode(buffer), data.mapping);
        break;
      case 4:
        data.location = push(Location.decode(buffer), data.location);
        break;
      case 5:
        data.function = push(Function.decode(buffer), data.function);
        break;
      case 6: {
        if (data.stringTable === void 0) {
          data.stringTable = new StringTable(emptyTableToken);
        }
        data.stringTable._decodeString(buffer);
        break;
      }
      case 7:
        data.dropFrames = decodeNumber(buffer);
        break;
      case 8:
        data.keepFrames = decodeNumber(buffer);
        break;
      case 9:
        data.timeNanos = decodeNumber(buffer);
        break;
      case 10:
        data.durationNanos = decodeNumber(buffer);
        break;
      case 11:
        data.periodType = ValueType.decode(buffer);
        break;
      case 12:
        data.period = decodeNumber(buffer);
        break;
      case 13:
        data.comment = pushAll(decodeNumbers(buffer), data.comment);
        break;
      case 14:
        data.defaultSampleType = decodeNumber(buffer);
        break;
      case 15:
        data.docUrl = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};

// src/analyze/heap-profile.ts
var SAMPLE_TYPES = {
  inuseBytes: "inuse_space",
  inuseObjects: "inuse_objects",
  allocBytes: "alloc_space",
  allocObjects: "alloc_objects"
};
function isProfilerFrame(fn) {
  return fn.startsWith("runtime/pprof.") || fn.startsWith("net/http/pprof.");
}
var num = (v) => typeof v === "bigint" ? Number(BigInt.asIntN(64, v)) : v ?? 0;
var MAX_PROFILE_INFLATED_BYTES = 128 * 1024 * 1024;
var MAX_LINES_PER_LOCATION = 64;
var MAX_STACK_FRAMES = 256;
var ProfileFormatError = class extends Error {
  name = "ProfileFormatError";
};
var ProfileTooLargeError = class extends ProfileFormatError {
  name = "ProfileTooLargeError";
};
var mib = (bytes3) => `${Math.round(bytes3 / 1024 / 1024)} MiB`;
function unwrap(bytes3, maxInflatedBytes) {
  if (bytes3.length >= 2 && bytes3[0] === 31 && bytes3[1] === 139) {
    try {
      return gunzipSync(bytes3, { maxOutputLength: maxInflatedBytes });
    } catch (error) {
      if (error.code === "ERR_BUFFER_TOO_LARGE") {
        throw new ProfileTooLargeError(
          `it inflates to more than ${mib(maxInflatedBytes)}, memgate's cap on a decompressed profile (a gzip bomb, or a profile far larger than any real one)`
        );
      }
      throw new ProfileFormatError(`not valid gzip (${error.message}); truncated or corrupt`);
    }
  }
  if (bytes3.length > maxInflatedBytes)
    throw new ProfileTooLargeError(`it is larger than ${mib(maxInflatedBytes)}, memgate's cap on a profile`);
  return bytes3;
}
function decodeHeapProfile(bytes3, maxInflatedBytes = MAX_PROFILE_INFLATED_BYTES) {
  try {
    return decode2(bytes3, maxInflatedBytes);
  } catch (error) {
    if (error instanceof ProfileFormatError) throw error;
    throw new ProfileFormatError(`not a readable heap profile (${error?.message ?? String(error)})`);
  }
}
function decode2(bytes3, maxInflatedBytes) {
  if (bytes3.length === 0) throw new ProfileFormatError("empty file");
  const raw = unwrap(bytes3, maxInflatedBytes);
  let profile;
  try {
    profile = Profile.decode(raw);
  } catch (error) {
    throw new ProfileFormatError(`not a valid pprof protobuf (${error.message})`);
  }
  const strings = profile.stringTable.strings;
  const str2 = (i2) => {
    const n2 = num(i2);
    if (n2 < 0 || n2 >= strings.length)
      throw new ProfileFormatError(
        `it refers to string #${n2}, but its string table holds only ${strings.length} (truncated?)`
      );
    return strings[n2];
  };
  const index = {};
  profile.sampleType.forEach((vt, i2) => {
    const name = str2(vt.type);
    for (const [field, type] of Object.entries(SAMPLE_TYPES))
      if (name === type) index[field] = i2;
  });
  if (index.inuseBytes === void 0) {
    const types = profile.sampleType.map((vt) => str2(vt.type)).join(", ") || "none";
    throw new ProfileFormatError(`not a heap profile (sample types: ${types}; inuse_space is missing)`);
  }
  const functions = /* @__PURE__ */ new Map();
  for (const f of profile.function) functions.set(num(f.id), { name: str2(f.name) || "?", file: str2(f.filename) });
  const locations = /* @__PURE__ */ new Map();
  for (const loc of profile.location) {
    const frames = loc.line.slice(0, MAX_LINES_PER_LOCATION).map((l) => {
      const f = functions.get(num(l.functionId));
      return { fn: f?.name ?? "?", file: f?.file ?? "", line: num(l.line) };
    });
    locations.set(
      num(loc.id),
      frames.length ? frames : [{ fn: `0x${num(loc.address).toString(16)}`, file: "", line: 0 }]
    );
  }
  const stacks = /* @__PURE__ */ new Map();
  const totals = { inuseBytes: 0, inuseObjects: 0, allocBytes: 0, allocObjects: 0 };
  for (const sample of profile.sample) {
    const frames = [];
    for (const id of sample.locationId) {
      const loc = locations.get(num(id));
      if (!loc) throw new ProfileFormatError(`sample refers to location ${num(id)}, which the profile does not define`);
      for (const frame of loc) if (frames.length < MAX_STACK_FRAMES) frames.push(frame);
    }
    if (frames.some((f) => isProfilerFrame(f.fn))) continue;
    const key = frames.map((f) => f.fn).join("\n");
    let stack = stacks.get(key);
    if (!stack) {
      stack = { key, frames, inuseBytes: 0, inuseObjects: 0, allocBytes: 0, allocObjects: 0 };
      stacks.set(key, stack);
    }
    for (const field of Object.keys(SAMPLE_TYPES)) {
      const i2 = index[field];
      if (i2 === void 0) continue;
      const v = num(sample.value[i2]);
      stack[field] += v;
      totals[field] += v;
    }
  }
  const period = num(profile.period);
  const time = num(profile.timeNanos);
  return { stacks, totals, periodBytes: period > 0 ? period : null, timeNanos: time > 0 ? time : null };
}

// src/analyze/evidence-util.ts
function packageOf(fn) {
  const slash = fn.lastIndexOf("/");
  const dot = fn.indexOf(".", slash + 1);
  return dot < 0 ? fn : fn.slice(0, dot);
}
function isStdlib(fn) {
  const pkg = packageOf(fn);
  if (pkg === "main" || pkg === "") return false;
  const first = pkg.split("/")[0];
  return !first.includes(".");
}
function isRuntime(fn) {
  return fn.startsWith("runtime.") || fn.startsWith("runtime/internal/") || fn.startsWith("internal/runtime/");
}
function applicationFrame(frames) {
  return frames.find((f) => !isStdlib(f.fn)) ?? null;
}
function shortFile(file) {
  if (file === "") return "";
  const src = file.lastIndexOf("/src/");
  if (src >= 0 && /\/go(-[\d.]+)?\/src\/|\/goroot\/src\/|\/usr\/local\/go\/src\//.test(file))
    return file.slice(src + 5);
  return file.split("/").slice(-2).join("/");
}
function frameText(f) {
  return f.file ? `${f.fn} ${shortFile(f.file)}:${f.line}` : f.fn;
}
function locationText(f) {
  return f && f.file ? `${shortFile(f.file)}:${f.line}` : null;
}
function trimRuntime(frames) {
  const i2 = frames.findIndex((f) => !isRuntime(f.fn));
  return i2 < 0 ? [...frames] : frames.slice(i2);
}
var MAX_THEIL_SEN_POINTS = 40;
function robustGrowth(times, values) {
  const n2 = times.length;
  if (n2 < 2) return 0;
  let idx = [...Array(n2).keys()];
  if (n2 > MAX_THEIL_SEN_POINTS) {
    idx = [...Array(MAX_THEIL_SEN_POINTS).keys()].map((k) => Math.round(k * (n2 - 1) / (MAX_THEIL_SEN_POINTS - 1)));
  }
  const slopes = [];
  for (let a2 = 0; a2 < idx.length; a2++) {
    for (let b = a2 + 1; b < idx.length; b++) {
      const dt = times[idx[b]] - times[idx[a2]];
      if (dt > 0) slopes.push((values[idx[b]] - values[idx[a2]]) / dt);
    }
  }
  if (slopes.length === 0) return 0;
  slopes.sort((x, y) => x - y);
  const mid = slopes.length >> 1;
  const median = slopes.length % 2 ? slopes[mid] : (slopes[mid - 1] + slopes[mid]) / 2;
  return median * (times[n2 - 1] - times[0]);
}
function robustScatter(times, values, growth) {
  const n2 = times.length;
  if (n2 < 3) return 0;
  const span = times[n2 - 1] - times[0];
  const slope2 = span > 0 ? growth / span : 0;
  const median = (xs) => {
    const s = [...xs].sort((a2, b) => a2 - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const intercept = median(values.map((v, i2) => v - slope2 * times[i2]));
  return 1.4826 * median(values.map((v, i2) => Math.abs(v - intercept - slope2 * times[i2])));
}
function clamp01(x) {
  return Math.max(0, Math.min(1, x));
}

// src/analyze/heap-diff.ts
var DEFAULT_PERIOD_BYTES = 512 * 1024;
var MIN_SUSPECT_BYTES = 256 * 1024;
var NOISE_PERIODS = 3;
var MIN_SUSPECT_SHARE_OF_HEAP = 0.01;
var zero = () => ({ bytes: 0, objects: 0 });
var pick = (v) => v ? { bytes: v.inuseBytes, objects: v.inuseObjects } : zero();
function sideSummary(series) {
  const n2 = series.snapshots.length;
  const first = series.snapshots[0];
  const last = series.snapshots[n2 - 1];
  const span = n2 > 1 ? series.times[n2 - 1] - series.times[0] : 0;
  const slope2 = n2 >= 3 ? fitSlope(series.snapshots.map((s, i2) => ({ t: series.times[i2], v: s.totals.inuseBytes }))) : null;
  return {
    snapshots: n2,
    startInuseBytes: first ? first.totals.inuseBytes : null,
    endInuseBytes: last ? last.totals.inuseBytes : null,
    inuseGrowth: slope2 ? { perSec: slope2.bytesPerSec, low: slope2.low, high: slope2.high } : null,
    robustInuseGrowth: n2 >= 3 && span > 0 ? robustGrowth(
      series.times,
      series.snapshots.map((s) => s.totals.inuseBytes)
    ) / span : null,
    allocBytesPerSec: span > 0 ? (last.totals.allocBytes - first.totals.allocBytes) / span : null,
    periodBytes: last?.periodBytes ?? null,
    slope: slope2
  };
}
function growthOf(series, key) {
  const n2 = series.snapshots.length;
  if (n2 < 2) return zero();
  const bytes3 = series.snapshots.map((s) => s.stacks.get(key)?.inuseBytes ?? 0);
  const objects = series.snapshots.map((s) => s.stacks.get(key)?.inuseObjects ?? 0);
  return { bytes: robustGrowth(series.times, bytes3), objects: robustGrowth(series.times, objects) };
}
function allocatedOf(series, key) {
  const n2 = series.snapshots.length;
  if (n2 < 2) return 0;
  return Math.max(
    0,
    (series.snapshots[n2 - 1].stacks.get(key)?.allocBytes ?? 0) - (series.snapshots[0].stacks.get(key)?.allocBytes ?? 0)
  );
}
var add = (a2, b) => ({ bytes: a2.bytes + b.bytes, objects: a2.objects + b.objects });
function diffHeaps(series) {
  const keys = /* @__PURE__ */ new Map();
  for (const side of ["gray", "baseline"]) {
    for (const snap of series[side].snapshots)
      for (const [key, stack] of snap.stacks) if (!keys.has(key)) keys.set(key, stack.frames);
  }
  const last = (side) => series[side].snapshots[series[side].snapshots.length - 1];
  const first = (side) => series[side].snapshots[0];
  const stacks = [];
  for (const [key, frames] of keys) {
    const grayFirst = first("gray")?.stacks.get(key);
    const grayLast = last("gray")?.stacks.get(key);
    stacks.push({
      key,
      frames,
      growth: { gray: growthOf(series.gray, key), baseline: growthOf(series.baseline, key) },
      end: { gray: pick(last("gray")?.stacks.get(key)), baseline: pick(last("baseline")?.stacks.get(key)) },
      allocated: { gray: allocatedOf(series.gray, key), baseline: allocatedOf(series.baseline, key) },
      grayEndMinusStart: series.gray.snapshots.length >= 2 ? {
        bytes: pick(grayLast).bytes - pick(grayFirst).bytes,
        objects: pick(grayLast).objects - pick(grayFirst).objects
      } : zero()
    });
  }
  const diff = (s) => s.growth.gray.bytes - s.growth.baseline.bytes;
  stacks.sort((a2, b) => diff(b) - diff(a2) || a2.key.localeCompare(b.key));
  const byFunction = /* @__PURE__ */ new Map();
  for (const stack of stacks) {
    const fn = stack.frames[0]?.fn ?? "?";
    let f = byFunction.get(fn);
    if (!f) {
      f = {
        function: fn,
        growth: { gray: zero(), baseline: zero() },
        end: { gray: zero(), baseline: zero() },
        allocated: { gray: 0, baseline: 0 },
        stacks: [],
        graySeries: series.gray.snapshots.map(() => 0),
        scatterBytes: 0
      };
      byFunction.set(fn, f);
    }
    for (const side of ["gray", "baseline"]) {
      f.growth[side] = add(f.growth[side], stack.growth[side]);
      f.end[side] = add(f.end[side], stack.end[side]);
      f.allocated[side] += stack.allocated[side];
    }
    f.stacks.push(stack);
    for (const [i2, snap] of series.gray.snapshots.entries())
      f.graySeries[i2] += snap.stacks.get(stack.key)?.inuseBytes ?? 0;
  }
  for (const f of byFunction.values()) {
    const baselineSeries = series.baseline.snapshots.map(
      (snap) => f.stacks.reduce((sum, s) => sum + (snap.stacks.get(s.key)?.inuseBytes ?? 0), 0)
    );
    f.scatterBytes = Math.hypot(
      robustScatter(series.gray.times, f.graySeries, f.growth.gray.bytes),
      robustScatter(series.baseline.times, baselineSeries, f.growth.baseline.bytes)
    );
  }
  const functions = [...byFunction.values()].sort((a2, b) => diff(b) - diff(a2) || a2.function.localeCompare(b.function));
  const gray2 = sideSummary(series.gray);
  const baseline = sideSummary(series.baseline);
  const periodBytes = Math.max(gray2.periodBytes ?? 0, baseline.periodBytes ?? 0) || DEFAULT_PERIOD_BYTES;
  const biggestHeap = Math.max(gray2.endInuseBytes ?? 0, baseline.endInuseBytes ?? 0);
  const noiseFloorBytes = Math.max(
    MIN_SUSPECT_BYTES,
    NOISE_PERIODS * periodBytes,
    MIN_SUSPECT_SHARE_OF_HEAP * biggestHeap
  );
  const spans = {
    gray: series.gray.times.length > 1 ? series.gray.times[series.gray.times.length - 1] - series.gray.times[0] : 0,
    baseline: series.baseline.times.length > 1 ? series.baseline.times[series.baseline.times.length - 1] - series.baseline.times[0] : 0
  };
  const { slope: gs, ...graySummary } = gray2;
  const { slope: bs, ...baselineSummary } = baseline;
  return {
    stacks,
    functions,
    sides: { gray: graySummary, baseline: baselineSummary },
    noiseFloorBytes,
    periodBytes,
    spans,
    inuseGrowthDifference: growthDifference(gs, bs),
    churn: churnOf(functions, spans, periodBytes)
  };
}
function growthDifference(gray2, baseline) {
  if (!gray2 || !baseline) return null;
  const d = gray2.bytesPerSec - baseline.bytesPerSec;
  const half = t95(Math.min(gray2.points.length, baseline.points.length) - 2) * Math.hypot(gray2.stdError, baseline.stdError);
  return { perSec: d, low: d - half, high: d + half };
}
var MAX_CHURN_ENTRIES = 5;
function churnOf(functions, spans, periodBytes) {
  if (spans.gray <= 0) return [];
  const entries = [];
  for (const f of functions) {
    const grayRate = f.allocated.gray / spans.gray;
    const baselineRate = spans.baseline > 0 ? f.allocated.baseline / spans.baseline : 0;
    const noise = 3 * Math.sqrt(Math.max(f.allocated.gray, f.allocated.baseline, periodBytes) * periodBytes) / spans.gray;
    if (grayRate - baselineRate > noise) {
      entries.push({
        function: f.function,
        grayBytesPerSec: grayRate,
        baselineBytesPerSec: baselineRate,
        differenceBytesPerSec: grayRate - baselineRate
      });
    }
  }
  return entries.sort((a2, b) => b.differenceBytesPerSec - a2.differenceBytesPerSec).slice(0, MAX_CHURN_ENTRIES);
}
function levelNoise(grayBytes, baselineBytes, periodBytes) {
  return 4 * Math.sqrt(Math.max(grayBytes, baselineBytes, 0) * periodBytes);
}

// src/analyze/goroutine-parse.ts
var MAX_GOROUTINE_FRAMES = 128;
var MAX_FRAME_TEXT = 1024;
var clip = (text) => text.length > MAX_FRAME_TEXT ? `${text.slice(0, MAX_FRAME_TEXT - 1)}\u2026` : text;
var isDigits = (text) => text.length > 0 && text.length <= 15 && /^\d+$/.test(text);
var isSpace = (c3) => c3 !== void 0 && c3.trim() === "";
var DumpFormatError = class extends Error {
  name = "DumpFormatError";
};
function parseHeader(line) {
  if (!line.startsWith("goroutine ") || !line.endsWith("]:")) return null;
  let end = 10;
  while (end < line.length && line[end] >= "0" && line[end] <= "9") end++;
  const digits = line.slice(10, end);
  const open2 = line.indexOf("[", end);
  if (!isDigits(digits) || open2 < 0) return null;
  const between = line.slice(end, open2);
  if (!between.startsWith(" ") || !between.endsWith(" ")) return null;
  const inside = line.slice(open2 + 1, -2);
  if (inside.includes("]")) return null;
  return { id: Number(digits), inside };
}
function parseFileLine(line) {
  if (!isSpace(line[0])) return null;
  let text = line.trimStart();
  const plus = text.lastIndexOf(" +0x");
  if (plus >= 0 && /^[0-9a-f]+$/.test(text.slice(plus + 4))) text = text.slice(0, plus);
  const colon = text.lastIndexOf(":");
  if (colon < 0 || !isDigits(text.slice(colon + 1))) return null;
  return { file: clip(text.slice(0, colon)), line: Number(text.slice(colon + 1)) };
}
function parseCreatedBy(line) {
  if (!line.startsWith("created by ")) return null;
  let fn = line.slice("created by ".length);
  const inG = fn.lastIndexOf(" in goroutine ");
  if (inG >= 0 && isDigits(fn.slice(inG + " in goroutine ".length))) fn = fn.slice(0, inG);
  return fn === "" ? null : fn;
}
function functionOfCall(text) {
  const line = text.trim();
  if (!line.endsWith(")")) return line;
  let depth = 0;
  for (let i2 = line.length - 1; i2 >= 0; i2--) {
    const c3 = line[i2];
    if (c3 === ")") depth++;
    else if (c3 === "(") {
      depth--;
      if (depth === 0) return i2 > 0 ? line.slice(0, i2) : line;
    }
  }
  return line;
}
function parseState(inside) {
  const parts = inside.split(", ");
  let waitMinutes = null;
  const rest = [];
  for (const part of parts) {
    const minutes = /^(\d+) minutes?$/.exec(part);
    if (minutes) waitMinutes = Number(minutes[1]);
    else if (part !== "locked to thread" && part !== "scan") rest.push(part);
  }
  return { state: rest.join(", ") || "unknown", waitMinutes };
}
function parseGoroutineDump(text) {
  const lines = text.split(/\r?\n/);
  const cutMidLine = text !== "" && !text.endsWith("\n");
  if (cutMidLine) lines.pop();
  const goroutines = [];
  const problems = [];
  let current = null;
  let pending = null;
  let strange = 0;
  let firstStrange = "";
  let framesCut = 0;
  const addFrame = (frame) => {
    if (!current) return;
    if (pending?.created) current.createdBy = frame;
    else if (current.frames.length < MAX_GOROUTINE_FRAMES) current.frames.push(frame);
    else framesCut++;
  };
  const flushPending = () => {
    if (pending) addFrame({ fn: pending.fn, file: "", line: 0 });
    pending = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === "") {
      flushPending();
      current = null;
      continue;
    }
    const header = parseHeader(line);
    if (header) {
      flushPending();
      const { state, waitMinutes } = parseState(clip(header.inside));
      current = { id: header.id, state, waitMinutes, frames: [], createdBy: null };
      goroutines.push(current);
      continue;
    }
    if (!current) {
      strange++;
      firstStrange ||= line;
      continue;
    }
    const fileLine = pending ? parseFileLine(line) : null;
    if (fileLine && pending) {
      addFrame({ fn: pending.fn, ...fileLine });
      pending = null;
      continue;
    }
    if (isSpace(line[0]) || line.startsWith("...")) {
      if (!line.includes("elided")) {
        strange++;
        firstStrange ||= line;
      }
      continue;
    }
    flushPending();
    const created = parseCreatedBy(line);
    pending = created !== null ? { fn: clip(created), created: true } : { fn: clip(functionOfCall(line)), created: false };
  }
  const last = goroutines[goroutines.length - 1];
  const unfinished = pending !== null;
  flushPending();
  if (goroutines.length === 0) {
    const what2 = text.trim() === "" ? "it is empty" : `its first line is "${(firstStrange || text.trim().split("\n")[0]).slice(0, 80)}"`;
    throw new DumpFormatError(`not a goroutine dump in the debug=2 format (${what2})`);
  }
  if (unfinished || cutMidLine || last && last.frames.length === 0 && last.createdBy === null) {
    problems.push(`the dump ends in the middle of goroutine ${last.id} (truncated?)`);
  }
  if (framesCut > 0) problems.push(`${framesCut} frame(s) beyond ${MAX_GOROUTINE_FRAMES} per goroutine left out`);
  if (strange > 0) problems.push(`${strange} line(s) not understood, the first: "${firstStrange.slice(0, 80)}"`);
  return { goroutines, problems };
}

// src/analyze/goroutine-clusters.ts
var FINGERPRINT_FRAMES = 4;
function isParkFrame(fn) {
  return isRuntime(fn) || fn.startsWith("internal/poll.runtime_") || fn.startsWith("sync.runtime_") || fn === "time.Sleep";
}
function trimPark(frames) {
  const i2 = frames.findIndex((f) => !isParkFrame(f.fn));
  return i2 < 0 ? [...frames] : frames.slice(i2);
}
function fingerprint(g2) {
  const frames = trimPark(g2.frames);
  const top = frames.slice(0, FINGERPRINT_FRAMES).map((f) => f.fn);
  const createdBy = g2.createdBy?.fn ?? "";
  const entry = g2.frames[g2.frames.length - 1]?.fn ?? "?";
  return { key: `${top.join("\n")}
<- ${createdBy}`, cluster: { key: "", entry, createdBy: g2.createdBy, frames } };
}
function clusterDump(dump) {
  const clusters = /* @__PURE__ */ new Map();
  const counts = /* @__PURE__ */ new Map();
  let total = 0;
  for (const g2 of dump.goroutines) {
    if (g2.frames.some((f) => isProfilerFrame(f.fn))) continue;
    total++;
    const { key, cluster } = fingerprint(g2);
    if (!clusters.has(key)) clusters.set(key, { ...cluster, key });
    let c3 = counts.get(key);
    if (!c3) {
      c3 = { count: 0, states: {}, maxWaitMinutes: null };
      counts.set(key, c3);
    }
    c3.count++;
    c3.states[g2.state] = (c3.states[g2.state] ?? 0) + 1;
    if (g2.waitMinutes !== null) c3.maxWaitMinutes = Math.max(c3.maxWaitMinutes ?? 0, g2.waitMinutes);
  }
  return { clusters, counts, total };
}
var empty = () => ({ count: 0, states: {}, maxWaitMinutes: null });
function diffGoroutines(series) {
  const perSide = {};
  const all = /* @__PURE__ */ new Map();
  for (const side of ["gray", "baseline"]) {
    perSide[side] = series[side].dumps.map(clusterDump);
    for (const d of perSide[side]) for (const [k, c3] of d.clusters) if (!all.has(k)) all.set(k, c3);
  }
  const clusters = [];
  for (const [key, cluster] of all) {
    const growth = {};
    const end = {};
    for (const side of ["gray", "baseline"]) {
      const dumps = perSide[side];
      growth[side] = dumps.length >= 2 ? robustGrowth(
        series[side].times,
        dumps.map((d) => d.counts.get(key)?.count ?? 0)
      ) : 0;
      end[side] = dumps.length ? dumps[dumps.length - 1].counts.get(key) ?? empty() : empty();
    }
    clusters.push({ ...cluster, growth, end, difference: growth.gray - growth.baseline });
  }
  clusters.sort((a2, b) => b.difference - a2.difference || a2.key.localeCompare(b.key));
  const totals = {};
  for (const side of ["gray", "baseline"]) {
    const d = perSide[side];
    totals[side] = {
      start: d.length ? d[0].total : null,
      end: d.length ? d[d.length - 1].total : null,
      dumps: d.length
    };
  }
  return { clusters, totals };
}
function mainState(s) {
  let best = null;
  for (const [state, n2] of Object.entries(s.states)) if (best === null || n2 > s.states[best]) best = state;
  return best;
}

// src/analyze/patterns.ts
var SCATTER_FACTOR = 3;
var MIN_GOROUTINE_GROWTH = 8;
var MIN_GOROUTINE_GROWTH_SHARE = 0.25;
function goroutineThreshold(c3) {
  return Math.max(MIN_GOROUTINE_GROWTH, MIN_GOROUTINE_GROWTH_SHARE * c3.end.baseline.count);
}
function growingClusters(goroutines) {
  return (goroutines?.clusters ?? []).filter((c3) => c3.difference >= goroutineThreshold(c3));
}
var BLOCKED_STATES = /^(chan send|chan receive|select|select \(no cases\)|chan send \(nil chan\)|chan receive \(nil chan\)|semacquire|sync\.Mutex\.Lock|sync\.RWMutex\.R?Lock|sync\.WaitGroup\.Wait|sync\.Cond\.Wait)$/;
var stackDiff = (s) => s.growth.gray.bytes - s.growth.baseline.bytes;
var has = (s, test) => s.frames.some((f) => test(f.fn));
var round2 = (x) => Math.round(x * 100) / 100;
var plural = (n2, one, many = `${one}s`) => `${n2} ${n2 === 1 ? one : many}`;
function totalPositiveGrowth(heap) {
  return heap.functions.reduce((sum, f) => sum + Math.max(0, f.growth.gray.bytes - f.growth.baseline.bytes), 0);
}
function callerOf(stacks, below) {
  const votes = /* @__PURE__ */ new Map();
  for (const s of stacks) {
    const start = below ? s.frames.findIndex((f) => below(f.fn)) : 0;
    const app = applicationFrame(s.frames.slice(Math.max(0, start)));
    if (app) votes.set(app.fn, (votes.get(app.fn) ?? 0) + Math.max(stackDiff(s), 1));
  }
  let best = null;
  for (const [fn, v] of votes) if (best === null || v > votes.get(best)) best = fn;
  return best;
}
var TICKER_FRAMES = /* @__PURE__ */ new Set([
  "time.NewTicker",
  "time.Tick",
  "time.startTimer",
  "runtime.addtimer",
  "time.(*Ticker).Reset"
]);
function tickerNotStopped(heap, total) {
  const stacks = heap.stacks.filter((s) => has(s, (fn) => TICKER_FRAMES.has(fn)) && stackDiff(s) > 0);
  const bytes3 = stacks.reduce((sum, s) => sum + stackDiff(s), 0);
  if (bytes3 <= heap.noiseFloorBytes) return null;
  const objects = Math.round(stacks.reduce((sum, s) => sum + s.growth.gray.objects - s.growth.baseline.objects, 0));
  const caller = callerOf(stacks);
  const share = total > 0 ? bytes3 / total : 1;
  return {
    pattern: {
      id: "ticker-not-stopped",
      confidence: round2(0.6 + 0.35 * clamp01(share)),
      message: `Tickers are created and never stopped: memory retained under time.NewTicker grew ${formatBytes(bytes3)} more in gray than in baseline (about ${objects} more live objects)${caller ? `, created in ${caller}` : ""}.`,
      hint: "Call Stop on every time.Ticker once its user is done (defer t.Stop() right after time.NewTicker), and never use time.Tick in code that runs more than once.",
      functions: caller ? ["time.NewTicker", caller] : ["time.NewTicker"]
    },
    stacks: new Set(stacks.map((s) => s.key)),
    clusters: /* @__PURE__ */ new Set()
  };
}
var isTransportLoop = (fn) => fn === "net/http.(*persistConn).readLoop" || fn === "net/http.(*persistConn).writeLoop";
var isServerConnHeap = (s) => /^(net\/http|bufio)\./.test(s.frames[0]?.fn ?? "") && s.frames.some((f) => f.fn === "net/http.(*conn).serve" || f.fn === "net/http.(*Server).Serve");
var isTransportHeap = (fn) => fn.startsWith("net/http.(*Transport).") || fn.startsWith("net/http.(*persistConn).");
function transportPerRequest(heap, goroutines) {
  const clusters = growingClusters(goroutines).filter(
    (c3) => c3.frames.some((f) => isTransportLoop(f.fn)) || c3.createdBy?.fn === "net/http.(*Transport).dialConn"
  );
  const count2 = Math.round(clusters.reduce((sum, c3) => sum + c3.difference, 0));
  const stacks = heap ? heap.stacks.filter((s) => has(s, isTransportHeap) && stackDiff(s) > 0) : [];
  const bytes3 = stacks.reduce((sum, s) => sum + stackDiff(s), 0);
  const heapSeen = heap !== null && bytes3 > heap.noiseFloorBytes;
  if (clusters.length === 0 && !heapSeen) return null;
  const loops = new Set(clusters.flatMap((c3) => c3.frames.filter((f) => isTransportLoop(f.fn)).map((f) => f.fn)));
  const confidence = 0.45 + (clusters.length ? 0.25 : 0) + (loops.size >= 2 ? 0.1 : 0) + (heapSeen ? 0.15 : 0);
  const server = growingClusters(goroutines).filter((c3) => c3.entry === "net/http.(*conn).serve");
  const loopNames = [...loops].map((fn) => fn.replace("net/http.(*persistConn).", "")).sort().join("/");
  const seen = clusters.length ? `${count2} more idle HTTP client connection goroutines${loopNames ? ` (persistConn ${loopNames})` : ""} created by net/http.(*Transport).dialConn in gray than in baseline${heapSeen ? `, holding ${formatBytes(bytes3)} more` : ""}` : `${formatBytes(bytes3)} more retained under net/http.(*Transport).dialConn in gray than in baseline`;
  return {
    pattern: {
      id: "transport-per-request",
      confidence: round2(Math.min(0.95, confidence)),
      message: `A new http.Transport (or http.Client with its own Transport) is made per request and its keep-alive connections are never reused or closed: ${seen}.`,
      hint: "Create one http.Client (and Transport) at start-up and share it, they are safe for concurrent use; if a Transport must be short-lived, call CloseIdleConnections when done with it.",
      functions: [
        .../* @__PURE__ */ new Set([...clusters.map((c3) => c3.entry), ...heapSeen ? ["net/http.(*Transport).dialConn"] : []])
      ]
    },
    stacks: new Set(
      [
        ...stacks,
        ...clusters.length ? heap?.stacks.filter((s) => s.frames[0]?.fn === "runtime.malg") ?? [] : [],
        ...server.length ? heap?.stacks.filter(isServerConnHeap) ?? [] : []
      ].map((s) => s.key)
    ),
    clusters: new Set([...clusters, ...server].map((c3) => c3.key))
  };
}
var POOL_GET = "sync.(*Pool).Get";
function syncPoolMisuse(heap) {
  const stacks = heap.stacks.filter((s) => has(s, (fn) => fn === POOL_GET));
  if (stacks.length === 0) return null;
  const growth = stacks.reduce((sum, s) => sum + stackDiff(s), 0);
  const grayEnd = stacks.reduce((sum, s) => sum + s.end.gray.bytes, 0);
  const baselineEnd = stacks.reduce((sum, s) => sum + s.end.baseline.bytes, 0);
  const excess = grayEnd - baselineEnd;
  const grayAlloc = heap.spans.gray > 0 ? stacks.reduce((sum, s) => sum + s.allocated.gray, 0) / heap.spans.gray : 0;
  const baselineAlloc = heap.spans.baseline > 0 ? stacks.reduce((sum, s) => sum + s.allocated.baseline, 0) / heap.spans.baseline : 0;
  const grew = growth > heap.noiseFloorBytes;
  const higher = excess > Math.max(heap.noiseFloorBytes, levelNoise(grayEnd, baselineEnd, heap.periodBytes)) && excess > 0.5 * baselineEnd;
  const allocNoise = heap.spans.gray > 0 ? 3 * Math.sqrt(Math.max(grayAlloc * heap.spans.gray, heap.periodBytes) * heap.periodBytes) / heap.spans.gray : Infinity;
  const churns = grayAlloc - baselineAlloc > allocNoise && grayAlloc > 4 * baselineAlloc;
  if (!grew && !higher) return null;
  const newFn = stacks.find((s) => s.end.gray.bytes > 0)?.frames[0]?.fn ?? stacks[0].frames[0]?.fn ?? "?";
  const caller = callerOf(stacks, (fn) => fn === POOL_GET);
  const held = grew ? `grew ${formatBytes(growth)} more` : `rests ${formatBytes(excess)} higher`;
  const confidence = 0.5 + (grew ? 0.15 : 0) + (higher ? 0.15 : 0) + (churns ? 0.15 : 0);
  return {
    pattern: {
      id: "sync-pool-misuse",
      confidence: round2(Math.min(0.95, confidence)),
      message: `Objects taken from a sync.Pool are kept instead of put back: memory retained under sync.(*Pool).Get (New = ${newFn}${caller ? `, called from ${caller}` : ""}) ${held} in gray than in baseline${churns ? `, and the pool's New allocates ${formatRate(grayAlloc - baselineAlloc)} more, so the pool is not reused` : ""}.`,
      hint: "Put every object back with Put once done with it (and keep no reference afterwards); cap the size of pooled buffers before Put, and do not hold pooled objects in long-lived structures.",
      functions: [.../* @__PURE__ */ new Set([newFn, ...caller ? [caller] : []])]
    },
    stacks: new Set(stacks.map((s) => s.key)),
    clusters: /* @__PURE__ */ new Set()
  };
}
function goroutineBlocked(heap, goroutines, claimed) {
  const growing = growingClusters(goroutines).filter((c3) => !claimed.has(c3.key));
  const blocked = growing.filter((c3) => BLOCKED_STATES.test(mainState(c3.end.gray) ?? ""));
  if (blocked.length === 0) return null;
  const top = blocked[0];
  const totalGrowth = growingClusters(goroutines).reduce((sum, c3) => sum + Math.max(0, c3.difference), 0);
  const count2 = Math.round(top.difference);
  const state = mainState(top.end.gray) ?? "blocked";
  const creator = top.createdBy?.fn ?? null;
  const where = locationText(top.frames[0]);
  const share = totalGrowth > 0 ? top.difference / totalGrowth : 1;
  const waited = top.end.gray.maxWaitMinutes !== null ? `, the oldest waiting ${plural(top.end.gray.maxWaitMinutes, "minute")}` : "";
  const others = blocked.length > 1 ? ` (and ${plural(blocked.length - 1, "more cluster")} like it)` : "";
  const held = heap && creator ? heap.stacks.filter((s) => has(s, (fn) => fn === creator) && stackDiff(s) > 0) : [];
  const malg = growing.length && heap ? heap.stacks.filter((s) => s.frames[0]?.fn === "runtime.malg") : [];
  return {
    pattern: {
      id: "goroutine-blocked",
      confidence: round2(Math.min(0.95, 0.6 + 0.3 * clamp01(share) + (top.end.gray.maxWaitMinutes ? 0.05 : 0))),
      message: `Goroutines${creator ? ` started by ${creator}` : ""} pile up blocked in ${state}: ${count2} more in gray than in baseline, running ${top.entry}${where ? ` (${where})` : ""}${waited}${others}.`,
      hint: `Give every goroutine a way to finish: make sure each ${state.startsWith("chan") || state.startsWith("select") ? "send has a receiver that keeps running (or use a buffered channel and select on ctx.Done())" : "lock or wait is released on every path"}, and bound how many such goroutines can be started.`,
      functions: [.../* @__PURE__ */ new Set([...creator ? [creator] : [], top.entry])]
    },
    stacks: new Set([...held, ...malg].map((s) => s.key)),
    clusters: new Set(blocked.map((c3) => c3.key))
  };
}
var BUFFER_FRAMES = /* @__PURE__ */ new Set([
  "bytes.makeSlice",
  "bytes.growSlice",
  "bytes.(*Buffer).grow",
  "bytes.(*Buffer).Grow",
  "strings.(*Builder).grow",
  "strings.(*Builder).Grow"
]);
function bufferGrowth(heap, total) {
  const stacks = heap.stacks.filter((s) => has(s, (fn) => BUFFER_FRAMES.has(fn)) && stackDiff(s) > 0);
  const bytes3 = stacks.reduce((sum, s) => sum + stackDiff(s), 0);
  if (bytes3 <= heap.noiseFloorBytes) return null;
  const caller = callerOf(stacks);
  const leaf = stacks[0].frames[0]?.fn ?? "bytes.(*Buffer).grow";
  const via = stacks[0].frames.find(
    (f) => isStdlib(f.fn) && !BUFFER_FRAMES.has(f.fn) && !f.fn.startsWith("bytes.")
  )?.fn;
  const share = total > 0 ? bytes3 / total : 1;
  const sameCaller = caller ? heap.stacks.filter((s) => applicationFrame(s.frames)?.fn === caller && stackDiff(s) > 0) : [];
  return {
    pattern: {
      id: "buffer-growth",
      confidence: round2(0.55 + 0.4 * clamp01(share)),
      message: `Buffers keep growing and are kept: memory retained under ${leaf} (bytes.Buffer growth) grew ${formatBytes(bytes3)} more in gray than in baseline${caller ? `, from ${caller}` : ""}${via ? ` via ${via}` : ""}.`,
      hint: "Do not keep bytes.Buffers (or slices of their Bytes()) after use: copy out what you need, Reset and reuse one buffer (or pool them with a size cap), and bound any collection they are appended to.",
      functions: [.../* @__PURE__ */ new Set([leaf, ...caller ? [caller] : []])]
    },
    stacks: new Set([...stacks, ...sameCaller].map((s) => s.key)),
    clusters: /* @__PURE__ */ new Set()
  };
}
function steadiness(series) {
  let up = 0;
  let moved = 0;
  for (let i2 = 1; i2 < series.length; i2++) {
    if (series[i2] === series[i2 - 1]) continue;
    moved++;
    if (series[i2] > series[i2 - 1]) up++;
  }
  return moved === 0 ? 0 : up / moved;
}
function risesThroughout(series) {
  const n2 = series.length;
  if (n2 < 3) return true;
  const mid = Math.floor((n2 - 1) / 2);
  return series[mid] > series[0] && series[n2 - 1] > series[mid];
}
function unboundedMap(heap, total, claimed) {
  const candidates = [];
  for (const f of heap.functions) {
    const stacks = f.stacks.filter((s) => !claimed.has(s.key) && stackDiff(s) > 0);
    const bytes3 = stacks.reduce((sum, s) => sum + stackDiff(s), 0);
    if (bytes3 <= heap.noiseFloorBytes || isRuntime(f.function)) continue;
    const app = callerOf(stacks);
    if (!app || !risesThroughout(f.graySeries) || bytes3 <= SCATTER_FACTOR * f.scatterBytes) continue;
    candidates.push({ f, stacks, bytes: bytes3, app });
  }
  if (candidates.length === 0) return null;
  candidates.sort((a2, b) => b.bytes - a2.bytes);
  const top = candidates[0];
  const steady = steadiness(top.f.graySeries);
  const share = total > 0 ? top.bytes / total : 1;
  const objects = Math.round(top.stacks.reduce((sum, s) => sum + s.growth.gray.objects - s.growth.baseline.objects, 0));
  const where = locationText(top.stacks[0].frames[0]);
  const named = top.app === top.f.function ? top.f.function : `${top.f.function} (called from ${top.app})`;
  return {
    pattern: {
      id: "unbounded-map",
      confidence: round2(Math.min(0.9, 0.35 + 0.3 * steady + 0.25 * clamp01(share))),
      message: `Memory retained at ${named}${where ? ` (${where})` : ""} grows steadily in gray, ${formatBytes(top.bytes)} more than in baseline over the window (about ${objects} more live objects), and is never released: it looks like a map or cache that is only ever added to.`,
      hint: "Bound it: delete entries once done with them, expire them (a TTL) or cap the size (an LRU), and check that its keys do not grow without limit (request IDs, timestamps, user input).",
      functions: [.../* @__PURE__ */ new Set([top.f.function, top.app])]
    },
    stacks: new Set(candidates.flatMap((c3) => c3.app === top.app ? c3.stacks.map((s) => s.key) : [])),
    clusters: /* @__PURE__ */ new Set()
  };
}
function detectPatterns(heap, goroutines) {
  const claims = [];
  const claimedStacks = /* @__PURE__ */ new Set();
  const claimedClusters = /* @__PURE__ */ new Set();
  const take = (claim) => {
    if (!claim) return;
    claims.push(claim);
    for (const k of claim.stacks) claimedStacks.add(k);
    for (const k of claim.clusters) claimedClusters.add(k);
  };
  const total = heap ? totalPositiveGrowth(heap) : 0;
  if (heap) take(tickerNotStopped(heap, total));
  take(transportPerRequest(heap, goroutines));
  if (heap) take(syncPoolMisuse(heap));
  take(goroutineBlocked(heap, goroutines, claimedClusters));
  if (heap) take(bufferGrowth(heap, total));
  if (heap) take(unboundedMap(heap, total, claimedStacks));
  return claims.sort((a2, b) => b.pattern.confidence - a2.pattern.confidence);
}

// src/analyze/evidence.ts
var START_SLACK_MS = 500;
var MAX_SUSPECTS = 20;
var ONE_SIDED_FACTOR = 4;
var SCATTER_FACTOR2 = 3;
var MAX_STACK_FRAMES2 = 12;
var decoder = new TextDecoder("utf-8", { fatal: false });
function fetchWarnings(entries, instance) {
  const label = instance === 0 ? "" : ` (instance ${instance + 1})`;
  const warnings = [];
  for (const side of SIDES) {
    for (const kind of ["heap", "goroutine"]) {
      const mine = entries.filter((e) => e.side === side && e.kind === kind && (e.instance ?? 0) === instance);
      const failed = mine.filter((e) => e.error !== null);
      if (failed.length === 0) continue;
      const what2 = kind === "heap" ? "heap profile" : "goroutine dump";
      warnings.push(
        `${side}${label} ${what2}: ${failed.length} of ${mine.length} fetches failed (first: ${failed[0].error}); the evidence uses the rest`
      );
    }
  }
  return warnings;
}
function emptyHeapSide() {
  return {
    snapshots: 0,
    startInuseBytes: null,
    endInuseBytes: null,
    inuseGrowth: null,
    allocBytesPerSec: null,
    periodBytes: null
  };
}
function load(set, warmupMs, warnings, instance) {
  const heap = {};
  const goroutines = {};
  for (const side of SIDES) {
    heap[side] = { times: [], snapshots: [] };
    goroutines[side] = { times: [], dumps: [] };
  }
  const inWindow = set.entries.filter(
    (e) => (e.instance ?? 0) === instance && e.file !== null && e.error === null && e.t >= warmupMs - START_SLACK_MS
  ).sort((a2, b) => a2.t - b.t || a2.seq - b.seq);
  for (const entry of inWindow) {
    const file = entry.file;
    const bytes3 = set.data[file];
    if (!bytes3) {
      warnings.push(`${entry.side} ${entry.kind} ${file} is missing from the bundle; left out`);
      continue;
    }
    if (entry.kind === "heap") {
      let snapshot;
      try {
        snapshot = decodeHeapProfile(bytes3);
      } catch (error) {
        warnings.push(`${entry.side} heap profile ${file} is unreadable (${errorMessage(error)}); left out`);
        continue;
      }
      heap[entry.side].times.push(entry.t / 1e3);
      heap[entry.side].snapshots.push(snapshot);
    } else {
      let dump;
      try {
        dump = parseGoroutineDump(decoder.decode(bytes3));
      } catch (error) {
        warnings.push(`${entry.side} goroutine dump ${file} is unreadable (${errorMessage(error)}); left out`);
        continue;
      }
      if (dump.problems.length)
        warnings.push(`${entry.side} goroutine dump ${file}: ${dump.problems.join("; ")}; used what it holds`);
      goroutines[entry.side].times.push(entry.t / 1e3);
      goroutines[entry.side].dumps.push(dump);
    }
  }
  return { heap, goroutines };
}
var diffBytes = (f) => f.growth.gray.bytes - f.growth.baseline.bytes;
function grows(heap, f) {
  const d = diffBytes(f);
  return d > heap.noiseFloorBytes && d > SCATTER_FACTOR2 * f.scatterBytes && (risesThroughout(f.graySeries) || d > ONE_SIDED_FACTOR * heap.noiseFloorBytes);
}
function heapSuspects(heap, claims) {
  const patternOf = (keys) => claims.find((c3) => keys.some((k) => c3.stacks.has(k)))?.pattern.id ?? null;
  const growth = heap.functions.filter((f) => grows(heap, f));
  const totalGrowth = heap.functions.reduce((sum, f) => sum + Math.max(0, diffBytes(f)), 0);
  const suspects = [];
  const make = (f, kind, bytes3, objects, share, gray2, baseline) => {
    const ranked = [...f.stacks].sort(
      (a2, b) => kind === "growth" ? b.growth.gray.bytes - b.growth.baseline.bytes - (a2.growth.gray.bytes - a2.growth.baseline.bytes) : b.end.gray.bytes - b.end.baseline.bytes - (a2.end.gray.bytes - a2.end.baseline.bytes)
    );
    const frames = trimRuntime(ranked[0].frames);
    return {
      function: f.function,
      source: "pprof",
      kind,
      bytes: Math.round(bytes3),
      objects: Math.round(objects),
      count: null,
      share: Math.round(share * 1e3) / 1e3,
      gray: Math.round(gray2),
      baseline: Math.round(baseline),
      location: locationText(ranked[0].frames[0]),
      stack: frames.slice(0, MAX_STACK_FRAMES2).map(frameText),
      caller: applicationFrame(ranked[0].frames)?.fn ?? null,
      createdBy: null,
      state: null,
      waitMinutes: null,
      pattern: patternOf(
        f.stacks.filter((s) => s.growth.gray.bytes - s.growth.baseline.bytes > 0 || kind === "excess").map((s) => s.key)
      )
    };
  };
  for (const f of growth) {
    suspects.push(
      make(
        f,
        "growth",
        diffBytes(f),
        f.growth.gray.objects - f.growth.baseline.objects,
        totalGrowth > 0 ? diffBytes(f) / totalGrowth : 1,
        f.growth.gray.bytes,
        f.growth.baseline.bytes
      )
    );
  }
  const excess = heap.functions.filter((f) => {
    if (growth.includes(f)) return false;
    const d = f.end.gray.bytes - f.end.baseline.bytes;
    return d > Math.max(heap.noiseFloorBytes, levelNoise(f.end.gray.bytes, f.end.baseline.bytes, heap.periodBytes)) && d > 0.5 * f.end.baseline.bytes;
  });
  const totalExcess = excess.reduce((sum, f) => sum + f.end.gray.bytes - f.end.baseline.bytes, 0);
  for (const f of excess.sort(
    (a2, b) => b.end.gray.bytes - b.end.baseline.bytes - (a2.end.gray.bytes - a2.end.baseline.bytes)
  )) {
    const d = f.end.gray.bytes - f.end.baseline.bytes;
    suspects.push(
      make(
        f,
        "excess",
        d,
        f.end.gray.objects - f.end.baseline.objects,
        totalExcess > 0 ? d / totalExcess : 1,
        f.end.gray.bytes,
        f.end.baseline.bytes
      )
    );
  }
  return suspects;
}
function goroutineSuspects(goroutines, claims) {
  const growing = growingClusters(goroutines);
  const total = growing.reduce((sum, c3) => sum + c3.difference, 0);
  return growing.map((c3) => ({
    function: c3.entry,
    source: "goroutine",
    kind: "growth",
    bytes: null,
    objects: null,
    count: Math.round(c3.difference),
    share: Math.round((total > 0 ? c3.difference / total : 1) * 1e3) / 1e3,
    gray: Math.round(c3.growth.gray),
    baseline: Math.round(c3.growth.baseline),
    location: locationText(c3.frames[c3.frames.length - 1] ?? null),
    stack: c3.frames.slice(0, MAX_STACK_FRAMES2).map(frameText),
    caller: null,
    createdBy: c3.createdBy?.fn ?? null,
    state: mainState(c3.end.gray),
    waitMinutes: c3.end.gray.maxWaitMinutes,
    pattern: claims.find((p) => p.clusters.has(c3.key))?.pattern.id ?? null
  }));
}
function rank(suspects) {
  const order2 = (s) => s.kind === "excess" ? 1 : 0;
  return suspects.sort(
    (a2, b) => order2(a2) - order2(b) || Number(b.pattern !== null) - Number(a2.pattern !== null) || b.share - a2.share || (a2.source === "goroutine" ? -1 : 1) - (b.source === "goroutine" ? -1 : 1)
  ).slice(0, MAX_SUSPECTS);
}
function emptyEvidence(warnings) {
  const goroutineSide = { dumps: 0, startCount: null, endCount: null };
  return {
    suspects: [],
    patterns: [],
    summary: {
      heap: { baseline: emptyHeapSide(), gray: emptyHeapSide(), inuseGrowthDifference: null, noiseFloorBytes: null },
      goroutines: { baseline: goroutineSide, gray: goroutineSide },
      churn: [],
      diffProfiles: []
    },
    warnings,
    heap: null
  };
}
function analyzeEvidence(set, warmupMs, instance = 0) {
  if (!set) return null;
  if (instance > 0 && !set.entries.some((e) => e.instance === instance)) return null;
  const warnings = [...instance === 0 ? set.notes : [], ...fetchWarnings(set.entries, instance)];
  try {
    const { heap: heapSeries, goroutines: goroutineSeries } = load(set, warmupMs, warnings, instance);
    const heapCount = SIDES.map((s) => heapSeries[s].snapshots.length);
    const dumpCount = SIDES.map((s) => goroutineSeries[s].dumps.length);
    let heap = null;
    if (heapCount.some((n2) => n2 >= 2)) {
      heap = diffHeaps(heapSeries);
      for (const [i2, side] of SIDES.entries()) {
        if (heapCount[i2] < 2)
          warnings.push(
            `${side} has ${heapCount[i2]} usable heap profile(s) in the window; its heap growth is taken as none, so suspects are gray's own growth`
          );
      }
    } else if (set.urls.gray !== null || set.urls.baseline !== null) {
      warnings.push(
        `too few usable heap profiles in the window (baseline ${heapCount[0]}, gray ${heapCount[1]}; two per side needed): no heap evidence`
      );
    }
    let goroutines = null;
    if (dumpCount.some((n2) => n2 >= 2)) {
      goroutines = diffGoroutines(goroutineSeries);
      for (const [i2, side] of SIDES.entries()) {
        if (dumpCount[i2] < 2)
          warnings.push(
            `${side} has ${dumpCount[i2]} usable goroutine dump(s) in the window; its goroutine growth is taken as none`
          );
      }
    } else if (set.urls.gray !== null || set.urls.baseline !== null) {
      warnings.push(
        `too few usable goroutine dumps in the window (baseline ${dumpCount[0]}, gray ${dumpCount[1]}; two per side needed): no goroutine evidence`
      );
    }
    const claims = detectPatterns(heap, goroutines);
    const suspects = rank([
      ...heap ? heapSuspects(heap, claims) : [],
      ...goroutines ? goroutineSuspects(goroutines, claims) : []
    ]);
    return {
      suspects,
      patterns: claims.map((c3) => c3.pattern),
      summary: {
        heap: {
          baseline: heap?.sides.baseline ?? emptyHeapSide(),
          gray: heap?.sides.gray ?? emptyHeapSide(),
          inuseGrowthDifference: heap?.inuseGrowthDifference ?? null,
          noiseFloorBytes: heap?.noiseFloorBytes ?? null
        },
        goroutines: {
          baseline: {
            dumps: dumpCount[0],
            startCount: goroutines?.totals.baseline.start ?? null,
            endCount: goroutines?.totals.baseline.end ?? null
          },
          gray: {
            dumps: dumpCount[1],
            startCount: goroutines?.totals.gray.start ?? null,
            endCount: goroutines?.totals.gray.end ?? null
          }
        },
        churn: heap?.churn ?? [],
        diffProfiles: heap ? [DiffProfileFile.Gray, DiffProfileFile.GrayVsBaseline].map((f) => `${PROFILE_DIR}/${f}`) : []
      },
      warnings,
      heap
    };
  } catch (error) {
    warnings.push(
      `the profile evidence could not be analysed (${errorMessage(error)}); the verdict stands on memory alone`
    );
    return emptyEvidence(warnings);
  }
}

// src/analyze/ebpf-paths.ts
function scaleHeapSample(count2, bytes3, rate3) {
  if (count2 === 0 || bytes3 === 0) return { count: 0, bytes: 0 };
  if (rate3 <= 1) return { count: count2, bytes: bytes3 };
  const avg = bytes3 / count2;
  const scale = 1 / (1 - Math.exp(-avg / rate3));
  return { count: count2 * scale, bytes: bytes3 * scale };
}
var DEFAULT_MEM_PROFILE_RATE = 512 * 1024;
function estimate(stack, scaling) {
  if (scaling.mode === "every")
    return { count: stack.samples * scaling.sampleRate, bytes: stack.sampledBytes * scaling.sampleRate };
  return scaleHeapSample(stack.samples, stack.sampledBytes, scaling.memProfileRate ?? DEFAULT_MEM_PROFILE_RATE);
}
function pathFrames(frames, depth) {
  const start = frames.findIndex((f) => !isRuntime(f.fn));
  if (start < 0) return frames.slice(0, depth);
  let end = frames.length;
  while (end > start && isRuntime(frames[end - 1].fn)) end--;
  return frames.slice(start, Math.min(end, start + depth));
}
function isProfilerStack(frames) {
  return frames.some((f) => f.fn.startsWith("runtime/pprof.") || f.fn.startsWith("net/http/pprof."));
}
function pathKey(path6) {
  return path6.map((f) => f.fn).join(" <- ");
}
function foldedPath(path6) {
  return path6.map((f) => f.fn.replace(/[;\s]/g, "_")).reverse().join(";");
}
function arrowPath(path6) {
  return [...path6.map((f) => f.fn.replace(/\s/g, "_")).reverse(), "mallocgc"].join("->");
}

// src/analyze/ebpf-analyze.ts
var TOP_PATHS = 20;
var MAX_EBPF_SUSPECTS = 10;
var MAX_STACK_FRAMES3 = 12;
var MAX_P_VALUE = 1e-3;
var MIN_SHARE_OF_TOTAL = 0.01;
var MIN_BYTES_PER_SEC = 16 * 1024;
var MIN_RATIO = 1.25;
function pathsOf(trace, side) {
  const paths = /* @__PURE__ */ new Map();
  for (const stack of side.stacks) {
    if (isProfilerStack(stack.frames)) continue;
    const frames = pathFrames(stack.frames, trace.stackDepth);
    const key = pathKey(frames);
    const est = estimate(stack, {
      mode: trace.mode,
      sampleRate: trace.sampleRate,
      memProfileRate: side.memProfileRate
    });
    let p = paths.get(key);
    if (!p) {
      p = { key, frames, bytes: 0, count: 0, samples: 0, goroutines: /* @__PURE__ */ new Set(), topBytes: -1 };
      paths.set(key, p);
    }
    p.bytes += est.bytes;
    p.count += est.count;
    p.samples += stack.samples;
    for (const g2 of stack.goroutines) if (g2.goid !== 0) p.goroutines.add(g2.goid);
    if (est.bytes > p.topBytes) {
      p.topBytes = est.bytes;
      p.frames = frames;
    }
  }
  return paths;
}
var round = (v) => Math.round(v);
var round3 = (v) => Math.round(v * 1e3) / 1e3;
function describePath(p, seconds, total) {
  return {
    function: p.frames[0]?.fn ?? "?",
    caller: applicationFrame(p.frames)?.fn ?? null,
    location: locationText(p.frames[0]),
    stack: p.frames.slice(0, MAX_STACK_FRAMES3).map(frameText),
    bytes: round(p.bytes),
    count: round(p.count),
    bytesPerSec: round(p.bytes / seconds),
    countPerSec: round3(p.count / seconds),
    share: total > 0 ? round3(p.bytes / total) : 0,
    samples: p.samples,
    goroutines: p.goroutines.size
  };
}
function binomialTail(k, n2, p) {
  if (k <= 0) return 1;
  if (k > n2) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logRatio = Math.log(p / (1 - p));
  let logPmf = n2 * Math.log(1 - p);
  const terms = [];
  for (let i2 = 1; i2 <= n2; i2++) {
    logPmf += Math.log((n2 - i2 + 1) / i2) + logRatio;
    if (i2 >= k) terms.push(logPmf);
  }
  const max = terms.reduce((m, t) => t > m ? t : m, -Infinity);
  return Math.min(1, Math.exp(max) * terms.reduce((sum, t) => sum + Math.exp(t - max), 0));
}
function costOf(mode, sampleRate) {
  if (mode === "sampled")
    return "sampled: a probe on runtime.mProf_Malloc, hit once per MemProfileRate bytes (512 KiB by default, 64 KiB as memgate asks), as Go samples its heap profile; each hit traps into the kernel, so a side whose hits would cost over the budget is left out (see costs)";
  return `every: a probe on every runtime.mallocgc call${sampleRate > 1 ? `, 1 in ${sampleRate} recorded` : ""}; each allocation traps into the kernel, which slows an allocation-heavy service many times over`;
}
function analyzeEbpf(trace, known = []) {
  if (!trace) return null;
  const warnings = [...trace.warnings];
  const summary = {
    mode: trace.mode,
    cost: costOf(trace.mode, trace.sampleRate),
    sampleRate: trace.sampleRate,
    stackDepth: trace.stackDepth,
    tracer: trace.tracer,
    baseline: null,
    gray: null,
    costs: { baseline: trace.costs?.baseline ?? null, gray: trace.costs?.gray ?? null }
  };
  const paths = {};
  for (const side of SIDES) {
    const s = trace.sides[side];
    paths[side] = null;
    if (!s) continue;
    const traceMs = Math.max(0, s.endMs - s.startMs);
    const map = pathsOf(trace, s);
    const all = [...map.values()];
    const total = all.reduce((sum, p) => sum + p.bytes, 0);
    const count2 = all.reduce((sum, p) => sum + p.count, 0);
    const seconds = traceMs / 1e3;
    if (seconds <= 0) {
      warnings.push(`${side} was traced for no time at all; its allocation paths have no rates`);
      continue;
    }
    paths[side] = { map, seconds, total };
    summary[side] = {
      binary: s.binary,
      goVersion: s.goVersion,
      pids: s.pids,
      traceMs,
      memProfileRate: s.memProfileRate,
      samples: all.reduce((sum, p) => sum + p.samples, 0),
      bytesPerSec: round(total / seconds),
      countPerSec: round3(count2 / seconds),
      paths: all.sort((a2, b) => b.bytes - a2.bytes).slice(0, TOP_PATHS).map((p) => describePath(p, seconds, total))
    };
  }
  const gray2 = paths.gray;
  const base = paths.baseline;
  if (!gray2 || !base) {
    if (trace.sides.gray || trace.sides.baseline)
      warnings.push("only one side has allocation paths, so none are compared: no eBPF suspects");
    return { summary, suspects: [], warnings };
  }
  const grayTotalRate = gray2.total / gray2.seconds;
  const diffs = [];
  for (const [key, p] of gray2.map) {
    const q = base.map.get(key);
    const g2 = p.bytes / gray2.seconds;
    const b = (q?.bytes ?? 0) / base.seconds;
    const d = g2 - b;
    if (d <= 0 || d < MIN_BYTES_PER_SEC || d < MIN_SHARE_OF_TOTAL * grayTotalRate || g2 < MIN_RATIO * b) continue;
    if (binomialTail(p.samples, p.samples + (q?.samples ?? 0), gray2.seconds / (gray2.seconds + base.seconds)) > MAX_P_VALUE)
      continue;
    diffs.push({ key, p, g: g2, b, gCount: p.count / gray2.seconds, bCount: (q?.count ?? 0) / base.seconds });
  }
  const totalDiff = diffs.reduce((sum, d) => sum + d.g - d.b, 0);
  const suspects = diffs.sort((x, y) => y.g - y.b - (x.g - x.b)).slice(0, MAX_EBPF_SUSPECTS).map((d) => {
    const fn = d.p.frames[0]?.fn ?? "?";
    const caller = applicationFrame(d.p.frames)?.fn ?? null;
    const pattern = known.find(
      (k) => k.pattern !== null && (k.function === fn || caller !== null && (k.function === caller || k.caller === caller))
    )?.pattern ?? null;
    return {
      function: fn,
      source: "ebpf",
      kind: "growth",
      bytes: round(d.g - d.b),
      objects: round(d.gCount - d.bCount),
      count: null,
      share: totalDiff > 0 ? round3((d.g - d.b) / totalDiff) : 1,
      gray: round(d.g),
      baseline: round(d.b),
      location: locationText(d.p.frames[0]),
      stack: d.p.frames.slice(0, MAX_STACK_FRAMES3).map(frameText),
      caller,
      createdBy: null,
      state: null,
      waitMinutes: null,
      pattern
    };
  });
  return { summary, suspects, warnings };
}

// src/analyze/analyze.ts
var DECISION_CONFIDENCE = 0.99;
var HINT_CONFIDENCE = 0.95;
var spanOf = (t) => t.length > 1 ? t[t.length - 1] - t[0] : 0;
function instancesOf(bundle, side) {
  const fromSamples = bundle.samples.find((s) => s.instances)?.instances?.[side].length;
  return Math.max(1, fromSamples ?? bundle.meta.replicas ?? 1);
}
function reading(side, instance, count2) {
  return (s) => count2 === 1 ? s.instances?.[side][0] ?? s[side] : s.instances?.[side][instance] ?? null;
}
function statSlope(stats, side, instance, warmupMs, field) {
  const points = stats.filter((s) => s.side === side && (s.instance ?? 0) === instance && s.t >= warmupMs).map((s) => ({ t: s.t / 1e3, v: s[field] }));
  return fitSlope(points)?.bytesPerSec ?? null;
}
function inuseOf(evidence, side) {
  const heap = evidence?.summary.heap[side];
  const growth = heap?.inuseGrowth;
  if (!heap || !growth || heap.snapshots < 3) return null;
  return {
    value: heap.robustInuseGrowth ?? growth.perSec,
    stdError: (growth.high - growth.low) / 2 / t95(heap.snapshots - 2),
    df: heap.snapshots - 2
  };
}
function goroutinesOf(evidence, side, spanSeconds) {
  const g2 = evidence?.summary.goroutines[side];
  if (!g2 || g2.dumps < 2 || g2.startCount === null || g2.endCount === null || spanSeconds <= 0) return null;
  return (g2.endCount - g2.startCount) / spanSeconds;
}
function instanceSeries(bundle, side, instance, count2, warmupMs) {
  const read = reading(side, instance, count2);
  const t = new Float64Array(bundle.samples.length);
  const v = new Float64Array(bundle.samples.length);
  let n2 = 0;
  let max = null;
  let sum = 0;
  for (const s of bundle.samples) {
    const value4 = read(s);
    if (value4 === null) continue;
    max = Math.max(max ?? 0, value4);
    if (s.t < warmupMs) continue;
    t[n2] = s.t / 1e3;
    v[n2] = value4;
    sum += value4;
    n2++;
  }
  return { t: t.subarray(0, n2), v: v.subarray(0, n2), max, sum };
}
function floorSlope(t, v, floor, ownError) {
  const ft = new Float64Array(floor.length);
  const fv = new Float64Array(floor.length);
  for (let k = 0; k < floor.length; k++) {
    ft[k] = t[floor[k]];
    fv[k] = v[floor[k]];
  }
  if (ownError) return ewcSlopeOf(ft, fv);
  const fit = olsSlope(ft, fv);
  return fit && { value: fit.value, stdError: Number.POSITIVE_INFINITY, df: Number.POSITIVE_INFINITY };
}
function analyzeInstance(bundle, side, instance, series, count2, warmupMs, evidence) {
  const { t, v } = series;
  const n2 = t.length;
  const span = n2 > 1 ? t[n2 - 1] - t[0] : 0;
  const binSeconds = floorBinSeconds(span);
  const floor = floorIndices(t, v, binSeconds);
  const intervalSeconds = n2 > 1 ? span / (n2 - 1) : 1;
  const final = bundle.final[side].instances?.[instance] ?? (instance === 0 ? bundle.final[side] : null);
  const p95Bytes = p95(v);
  return {
    samples: n2,
    p95Bytes,
    // Blocks as long as a floor bin: each holds a GC cycle or a burst whole. Only one process a side
    // needs its own error (replicas are compared by their spread), and the bootstrap is most of the cost.
    p95: count2 === 1 ? blockBootstrapQuantile(v, 0.95, binSeconds / intervalSeconds) : p95Bytes !== null ? { value: p95Bytes, stdError: 0, df: Infinity } : null,
    lastFloorBytes: floor.length ? v[floor[floor.length - 1]] : null,
    floorPoints: floor.length,
    slope: floorSlope(t, v, floor, count2 === 1),
    anonSlope: statSlope(bundle.stats, side, instance, warmupMs, "anonBytes"),
    fileSlope: statSlope(bundle.stats, side, instance, warmupMs, "fileBytes"),
    inuseGrowth: inuseOf(evidence, side),
    goroutineGrowth: goroutinesOf(evidence, side, span),
    oomKills: final?.oomKills ?? null,
    exit: final?.exit ?? null
  };
}
function lastStatOf(stats, side) {
  for (let i2 = stats.length - 1; i2 >= 0; i2--) {
    const s = stats[i2];
    if (s.side === side && (s.instance ?? 0) === 0)
      return { anonBytes: s.anonBytes, fileBytes: s.fileBytes, kernelBytes: s.kernelBytes, sockBytes: s.sockBytes };
  }
  return null;
}
var mean = (xs) => xs.length ? xs.reduce((a2, b) => a2 + b, 0) / xs.length : null;
var present = (xs) => xs.filter((x) => x !== null);
function combine(estimates) {
  if (estimates.length === 0 || estimates.some((e) => e === null)) return null;
  const es = estimates;
  return sideMean(
    es.map((e) => e.value),
    es.map((e) => e.stdError),
    es[0].df
  );
}
function analyzeSide(bundle, side, warmupMs, evidences) {
  const count2 = instancesOf(bundle, side);
  const series = Array.from({ length: count2 }, (_, i2) => instanceSeries(bundle, side, i2, count2, warmupMs));
  const instances = series.map((s, i2) => analyzeInstance(bundle, side, i2, s, count2, warmupMs, evidences[i2] ?? null));
  const sloped = instances.filter((i2) => i2.slope !== null);
  if (count2 > 1 && sloped.length === 1) {
    const i2 = instances.indexOf(sloped[0]);
    const { t, v } = series[i2];
    instances[i2] = { ...instances[i2], slope: floorSlope(t, v, floorIndices(t, v, floorBinSeconds(spanOf(t))), true) };
  }
  const slope2 = combine(instances.map((i2) => i2.slope));
  const slopeInterval = slope2 ? intervalOf(slope2, DECISION_CONFIDENCE) : null;
  const final = bundle.final[side];
  const maxes = present(series.map((s) => s.max));
  const readings2 = series.reduce((a2, s) => a2 + s.v.length, 0);
  const oomKills = instances.every((i2) => i2.oomKills === null) ? final.oomKills : instances.reduce((a2, i2) => a2 + (i2.oomKills ?? 0), 0);
  return {
    command: bundle.meta.sides[side].command,
    samples: Math.min(...instances.map((i2) => i2.samples)),
    p95Bytes: mean(present(instances.map((i2) => i2.p95Bytes))),
    peakBytes: final.peakBytes ?? (maxes.length ? Math.max(...maxes) : null),
    meanBytes: readings2 ? series.reduce((a2, s) => a2 + s.sum, 0) / readings2 : null,
    lastFloorBytes: mean(present(instances.map((i2) => i2.lastFloorBytes))),
    slope: slope2 && slopeInterval ? {
      bytesPerSec: slope2.value,
      low: slopeInterval.low,
      high: slopeInterval.high,
      stdError: slope2.stdError,
      df: slope2.df
    } : null,
    floorPoints: Math.min(...instances.map((i2) => i2.floorPoints)),
    oomKills,
    exit: final.exit ?? instances.find((i2) => i2.exit)?.exit ?? null,
    lastStat: lastStatOf(bundle.stats, side),
    instances
  };
}
function differenceOf(gray2, baseline, confidence = DECISION_CONFIDENCE) {
  const g2 = gray2.filter((e) => e !== null);
  const b = baseline.filter((e) => e !== null);
  if (g2.length === 0 || b.length === 0) return null;
  const acrossProcesses = g2.length > 1 && b.length > 1;
  const estimate2 = acrossProcesses ? pooledDifference(
    g2.map((e) => e.value),
    b.map((e) => e.value)
  ) : difference(combine(g2), combine(b));
  if (!estimate2) return null;
  const i2 = intervalOf(estimate2, confidence);
  return {
    value: i2.value,
    low: i2.low,
    high: i2.high,
    method: acrossProcesses ? "replicas" : "within-series",
    hint: intervalOf(estimate2, HINT_CONFIDENCE).low > 0
  };
}
function pointDifference(gray2, baseline) {
  if (gray2.some((v) => v === null) || baseline.some((v) => v === null)) return null;
  return mean(gray2) - mean(baseline);
}
function siteGrowth(evidence, fn, side) {
  const heap = evidence?.heap;
  if (!heap || heap.sides[side].snapshots < 2 || !(heap.spans[side] > 0)) return null;
  const f = heap.functions.find((x) => x.function === fn);
  return { value: f ? f.growth[side].bytes / heap.spans[side] : 0, stdError: 0, df: Infinity };
}
var MAX_SITES = 3;
function siteDifferenceOf(evidences, counts) {
  if (counts.baseline < 2 || counts.gray < 2) return null;
  const candidates = [];
  for (const evidence of evidences) {
    const top = evidence?.suspects.find((s) => s.source === "pprof" && s.kind === "growth");
    if (top && !candidates.includes(top.function)) candidates.push(top.function);
  }
  const sites = candidates.slice(0, MAX_SITES);
  const confidence = 1 - (1 - DECISION_CONFIDENCE) / Math.max(1, sites.length);
  let best = null;
  for (const fn of sites) {
    const per = (side) => Array.from({ length: counts[side] }, (_, i2) => siteGrowth(evidences[i2] ?? null, fn, side));
    const diff = differenceOf(per("gray"), per("baseline"), confidence);
    if (diff && diff.method === "replicas" && (best === null || diff.low > best.low)) best = { ...diff, function: fn };
  }
  return best;
}
function profileRateWarnings(bundle, evidence) {
  const asked = bundle.meta.memProfileRate;
  if (asked === void 0 || asked === null || !evidence) return [];
  const warnings = [];
  for (const side of SIDES) {
    const period = evidence.summary.heap[side].periodBytes;
    if (period !== null && period !== asked) {
      warnings.push(
        `${side}: GODEBUG=memprofilerate=${asked} did not take effect (its heap profiles sample every ${period} bytes), so heap evidence is coarser: Go before 1.20 ignores it (golang/go#55100), or the service sets runtime.MemProfileRate itself; set the rate in the service (e.g. from a flag)`
      );
    }
  }
  return warnings;
}
function analyze(bundle, warmupMs = bundle.meta.warmupMs, evidence = analyzeEvidence(bundle.profiles, warmupMs)) {
  const replicas = Math.min(instancesOf(bundle, "baseline"), instancesOf(bundle, "gray"));
  const evidences = Array.from(
    { length: Math.max(instancesOf(bundle, "baseline"), instancesOf(bundle, "gray")) },
    (_, i2) => i2 === 0 ? evidence : analyzeEvidence(bundle.profiles, warmupMs, i2)
  );
  const firstEvidence = evidence;
  const [baseline, gray2] = SIDES.map((side) => analyzeSide(bundle, side, warmupMs, evidences));
  const times = bundle.samples.map((s) => s.t).filter((t) => t >= warmupMs);
  const p95Difference = differenceOf(
    gray2.instances.map((i2) => i2.p95),
    baseline.instances.map((i2) => i2.p95)
  );
  const slope2 = differenceOf(
    gray2.instances.map((i2) => i2.slope),
    baseline.instances.map((i2) => i2.slope)
  );
  return {
    driver: bundle.meta.driver,
    limitations: bundle.meta.limitations,
    warnings: [...bundle.meta.warnings, ...profileRateWarnings(bundle, evidence)],
    endedEarly: bundle.meta.endedEarly,
    warmupMs,
    windowMs: { start: times[0] ?? warmupMs, end: times[times.length - 1] ?? warmupMs },
    plannedWindowMs: bundle.meta.durationMs,
    memoryMaxBytes: bundle.meta.memoryMaxBytes,
    replicas,
    confidence: DECISION_CONFIDENCE,
    baseline,
    gray: gray2,
    p95Increase: gray2.p95Bytes !== null && baseline.p95Bytes ? gray2.p95Bytes / baseline.p95Bytes - 1 : null,
    p95Difference,
    slopeDifference: slope2 ? { bytesPerSec: slope2.value, low: slope2.low, high: slope2.high, method: slope2.method, hint: slope2.hint } : null,
    inuseDifference: differenceOf(
      gray2.instances.map((i2) => i2.inuseGrowth),
      baseline.instances.map((i2) => i2.inuseGrowth)
    ),
    siteDifference: siteDifferenceOf(evidences, {
      baseline: instancesOf(bundle, "baseline"),
      gray: instancesOf(bundle, "gray")
    }),
    split: {
      anonBytesPerSec: pointDifference(
        gray2.instances.map((i2) => i2.anonSlope),
        baseline.instances.map((i2) => i2.anonSlope)
      ),
      fileBytesPerSec: pointDifference(
        gray2.instances.map((i2) => i2.fileSlope),
        baseline.instances.map((i2) => i2.fileSlope)
      )
    },
    goroutineDifference: pointDifference(
      gray2.instances.map((i2) => i2.goroutineGrowth),
      baseline.instances.map((i2) => i2.goroutineGrowth)
    ),
    series: bundle.samples,
    evidence: firstEvidence,
    ebpf: analyzeEbpf(bundle.ebpf, firstEvidence?.suspects)
  };
}

// src/model/option-ref.ts
var MARK = "opt:";
var END = "";
var PATTERN = /\u0001opt:([a-z0-9-]+)\u0001/g;
function optionRef(name) {
  return `${MARK}${name}${END}`;
}
function renderOptionRefs(text, surface) {
  return text.replace(PATTERN, (_, name) => surface === "cli" ? `--${name}` : `the ${name} input`);
}

// src/judge/grade.ts
var P0_GROWTH_PER_HOUR = 0.8;
var P2_LIMIT_SHARE = 0.75;
function gradeOf(verdict, reasons, analysis) {
  const blocks = new Set(reasons.filter((r) => r.outcome === "block").map((r) => r.rule));
  if (blocks.has("gray-oom-kill") || blocks.has("gray-exited")) return "P0";
  const { gray: gray2, memoryMaxBytes } = analysis;
  if (blocks.has("slope-increase")) {
    const slope2 = Math.max(0, analysis.slopeDifference?.low ?? 0);
    const growthPerHour = gray2.p95Bytes ? slope2 * 3600 / gray2.p95Bytes : 0;
    const hoursLeft = memoryMaxBytes !== null && gray2.lastFloorBytes !== null && slope2 > 0 ? (memoryMaxBytes - gray2.lastFloorBytes) / slope2 / 3600 : Infinity;
    return growthPerHour > P0_GROWTH_PER_HOUR || hoursLeft < 1 ? "P0" : "P1";
  }
  if (blocks.has("inuse-growth") || blocks.has("site-growth")) return "P1";
  const nearLimit = memoryMaxBytes !== null && gray2.p95Bytes !== null && gray2.p95Bytes > P2_LIMIT_SHARE * memoryMaxBytes;
  if (blocks.size > 0 || nearLimit) return "P2";
  if (verdict === "warn") return "P3";
  return null;
}

// src/judge/evidence-rules.ts
function inuseGrowthRule(analysis, limits, cgroup) {
  const heap = analysis.evidence?.summary.heap;
  const diff = analysis.inuseDifference;
  if (!heap || !diff) return { comparison: null, reason: null };
  const base = mean2(analysis.baseline.instances.map((i2) => i2.inuseGrowth?.value ?? 0));
  const grayGrowth = mean2(analysis.gray.instances.map((i2) => i2.inuseGrowth?.value ?? 0));
  const threshold = Math.max(limits.minSlopeBytesPerSec, limits.maxSlopeIncrease * Math.abs(base));
  const how = analysis.replicas > 1 ? `across ${analysis.replicas} processes a side` : "one process a side";
  const detail = `inuse_space gray ${formatRate(grayGrowth)} vs baseline ${formatRate(base)}; difference ${formatRate(diff.value)} (${Math.round(analysis.confidence * 100)}% CI ${formatRate(diff.low)} .. ${formatRate(diff.high)}, ${how}) over ${heap.gray.snapshots} and ${heap.baseline.snapshots} heap profiles`;
  const exceeds = diff.value > threshold && diff.low > 0;
  const comparison = {
    rule: "inuse-growth",
    unit: "bytes/s",
    measured: diff.value,
    limit: threshold,
    passed: !exceeds,
    detail
  };
  if (cgroup.blocked || !exceeds) return { comparison, reason: null };
  const slope2 = analysis.slopeDifference;
  const unclear = slope2 === null || slope2.high >= cgroup.threshold;
  if (unclear) {
    const why = slope2 === null ? "the cgroup memory floor has too few points for a slope" : `the cgroup floor slope is unclear (difference ${formatRate(slope2.bytesPerSec)}, CI ${formatRate(slope2.low)} .. ${formatRate(slope2.high)})`;
    return {
      comparison,
      reason: {
        rule: "inuse-growth",
        outcome: "block",
        measured: diff.value,
        limit: threshold,
        message: `retained heap grows faster in gray: ${detail}, above the allowed ${formatRate(threshold)}; ${why}, so this was decided on heap profiles (inuse_space) as a second signal`
      }
    };
  }
  return {
    comparison,
    reason: {
      rule: "inuse-growth",
      outcome: "warn",
      measured: diff.value,
      limit: threshold,
      message: `heap profiles show retained growth in gray (${detail}), above ${formatRate(threshold)}, which the cgroup memory floor does not show yet (Go's heap has headroom below its GC goal); lengthen ${optionRef(Option.Duration)} to see whether it reaches the cgroup`
    }
  };
}
var mean2 = (xs) => xs.length ? xs.reduce((a2, b) => a2 + b, 0) / xs.length : 0;
function siteGrowthRule(analysis, limits, already) {
  const site = analysis.siteDifference;
  if (!site) return { comparison: null, reason: null };
  const threshold = limits.minSlopeBytesPerSec;
  const detail = `retained at ${site.function}: gray minus baseline ${formatRate(site.value)} (${Math.round(analysis.confidence * 100)}% CI ${formatRate(site.low)} .. ${formatRate(site.high)}, across ${analysis.replicas} processes a side)`;
  const clear = site.value > threshold && site.low > 0;
  const comparison = {
    rule: "site-growth",
    unit: "bytes/s",
    measured: site.value,
    limit: threshold,
    passed: !clear,
    detail
  };
  if (!clear || already) return { comparison, reason: null };
  return {
    comparison,
    reason: {
      rule: "site-growth",
      outcome: "block",
      measured: site.value,
      limit: threshold,
      message: `retained heap grows at one allocation site in every gray process: ${detail}, above the allowed ${formatRate(threshold)} (${optionRef(Option.MinSlope)}); the whole heap and the cgroup are too noisy to show it yet, one site is not`
    }
  };
}
function nameTopSuspect(reasons, analysis) {
  const evidence = analysis.evidence;
  const first = reasons.findIndex((r) => r.outcome === "block");
  if (!evidence || first < 0) return reasons;
  const clause = topSuspectClause(evidence.suspects, evidence.patterns);
  if (!clause) return reasons;
  return reasons.map((r, i2) => i2 === first ? { ...r, message: `${r.message}; ${clause}` } : r);
}

// src/judge/judge.ts
var MIN_WINDOW_SAMPLES = 8;
var MIN_FLOOR_POINTS = 4;
var NOISE_FACTOR = 4;
function describeExit(side, a2) {
  const exit2 = a2.exit;
  const how = exit2.signal ? `was killed by ${exit2.signal}` : `exited with status ${exit2.code}`;
  const when = exit2.beforeReady ? "before it was ready" : `${formatDuration(Math.max(0, exit2.atMs))} into sampling`;
  const said = exit2.lastOutput.length ? `; last output: ${exit2.lastOutput[exit2.lastOutput.length - 1]}` : "";
  return `${side} ${how} ${when}${said}`;
}
function slopeThreshold(analysis, limits) {
  const base = analysis.baseline.slope?.bytesPerSec ?? 0;
  return Math.max(limits.minSlopeBytesPerSec, limits.maxSlopeIncrease * Math.abs(base));
}
function projection(analysis) {
  const limit = analysis.memoryMaxBytes;
  if (limit === null) return null;
  const slope2 = analysis.gray.slope;
  const floor = analysis.gray.lastFloorBytes;
  const growing = slope2 !== null && floor !== null && slope2.bytesPerSec > 0 && slope2.low > 0;
  return { limitBytes: limit, secondsToLimit: growing ? Math.max(0, (limit - floor) / slope2.bytesPerSec) : null };
}
var percentOf = (confidence) => `${Math.round(confidence * 100)}%`;
function intervalText(analysis, d, format2) {
  const how = analysis.replicas > 1 ? `across ${analysis.replicas} processes a side` : "one process a side";
  return `${percentOf(analysis.confidence)} CI ${format2(d.low)} .. ${format2(d.high)}, ${how}`;
}
var GOROUTINE_STACK_BYTES = 8 * 1024;
var FILE_SHARE = 0.5;
function corroborate(analysis, threshold, diff) {
  const heap = analysis.inuseDifference;
  if (!heap) return { demote: null, note: null };
  if (heap.high >= threshold) return { demote: null, note: null };
  const goroutineBytes = (analysis.goroutineDifference ?? 0) * GOROUTINE_STACK_BYTES;
  if (goroutineBytes >= threshold)
    return {
      demote: null,
      note: `goroutines pile up in gray (+${(analysis.goroutineDifference * 60).toFixed(0)}/min, their stacks ${formatRate(goroutineBytes)} at least)`
    };
  const file = analysis.split.fileBytesPerSec;
  const heapText = `heap profiles rule out retained heap growth above ${formatRate(threshold)} (inuse_space difference ${formatRate(heap.value)}, up to ${formatRate(heap.high)})`;
  if (file !== null && file >= FILE_SHARE * diff) {
    return {
      demote: `${heapText}, and page cache (memory.stat file, ${formatRate(file)} more in gray) makes up most of the rise: reclaimable, not a leak`,
      note: null
    };
  }
  const anon = analysis.split.anonBytesPerSec;
  return {
    demote: null,
    note: `${heapText}: the rise is anon memory the Go heap does not retain${anon === null ? "" : ` (anon ${formatRate(anon)} more in gray)`}: memory outside the Go heap (cgo, mmap) or heap headroom the runtime keeps`
  };
}
function judge(analysis, limits) {
  const reasons = [];
  const comparisons = [];
  const notes = [];
  const { gray: gray2, baseline } = analysis;
  const grayOom = gray2.oomKills ?? 0;
  comparisons.push({
    rule: "gray-oom-kill",
    unit: "count",
    measured: gray2.oomKills,
    limit: 0,
    passed: gray2.oomKills === null ? null : grayOom === 0,
    detail: gray2.oomKills === null ? "OOM kills cannot be seen with this driver" : `${grayOom} OOM kill(s)`
  });
  if (grayOom > 0) {
    reasons.push({
      rule: "gray-oom-kill",
      outcome: "block",
      measured: grayOom,
      limit: 0,
      message: `gray was OOM-killed ${grayOom} time(s) at the ${analysis.memoryMaxBytes === null ? "cgroup" : formatBytes(analysis.memoryMaxBytes)} memory limit`
    });
  } else if (gray2.exit) {
    reasons.push({
      rule: "gray-exited",
      outcome: "block",
      measured: gray2.exit.code,
      limit: null,
      message: `${describeExit("gray", gray2)}; a build that dies under the same load as baseline must not ship`
    });
  }
  if ((baseline.oomKills ?? 0) > 0) {
    reasons.push({
      rule: "baseline-oom-kill",
      outcome: "inconclusive",
      measured: baseline.oomKills,
      limit: 0,
      message: `baseline was OOM-killed too, so the limit says nothing about gray; raise ${optionRef(Option.MemoryMax)}`
    });
  } else if (baseline.exit) {
    reasons.push({
      rule: "baseline-exited",
      outcome: "inconclusive",
      measured: baseline.exit.code,
      limit: null,
      message: `${describeExit("baseline", baseline)}; without a running baseline there is nothing to compare against`
    });
  }
  const p95Detail = `gray ${gray2.p95Bytes === null ? "n/a" : formatBytes(gray2.p95Bytes)} vs baseline ${baseline.p95Bytes === null ? "n/a" : formatBytes(baseline.p95Bytes)}`;
  const p95Delta = gray2.p95Bytes !== null && baseline.p95Bytes !== null ? gray2.p95Bytes - baseline.p95Bytes : null;
  const p95Over = analysis.p95Increase !== null && p95Delta !== null && analysis.p95Increase > limits.maxP95Increase && p95Delta > limits.minP95DeltaBytes;
  const p95Interval = analysis.p95Difference;
  const p95Clear = p95Interval !== null && p95Interval.low > 0;
  const p95Passed = analysis.p95Increase === null || p95Delta === null ? null : !(p95Over && p95Clear);
  const p95IntervalText = p95Interval ? `; difference ${formatBytes(p95Interval.value)} (${intervalText(analysis, p95Interval, formatBytes)})` : "";
  comparisons.push({
    rule: "p95-increase",
    unit: "ratio",
    measured: analysis.p95Increase,
    limit: limits.maxP95Increase,
    passed: p95Passed,
    detail: `${p95Detail}${p95IntervalText}`
  });
  if (p95Over && p95Clear) {
    reasons.push({
      rule: "p95-increase",
      outcome: "block",
      measured: analysis.p95Increase,
      limit: limits.maxP95Increase,
      message: `P95 of memory rose ${formatPercent(analysis.p95Increase)} (${p95Detail}${p95IntervalText}), above the allowed ${formatPercent(limits.maxP95Increase)} and more than ${formatBytes(limits.minP95DeltaBytes)} (${optionRef(Option.MinP95Delta)})`
    });
  } else if (p95Over && p95Interval?.hint) {
    reasons.push({
      rule: "p95-increase",
      outcome: "warn",
      measured: analysis.p95Increase,
      limit: limits.maxP95Increase,
      message: `P95 of memory may be higher in gray (${formatPercent(analysis.p95Increase)}: ${p95Detail}${p95IntervalText}), but that is within what processes of one build differ by; ${analysis.replicas > 1 ? `raise ${optionRef(Option.Replicas)} or lengthen ${optionRef(Option.Duration)}` : `run ${optionRef(Option.Replicas)} 3 or more`} to decide`
    });
  }
  const threshold = slopeThreshold(analysis, limits);
  const diff = analysis.slopeDifference;
  const slopeDetail = diff === null ? "too few floor points to fit a slope" : `gray ${formatRate(gray2.slope.bytesPerSec)} vs baseline ${formatRate(baseline.slope.bytesPerSec)}; difference ${formatRate(diff.bytesPerSec)} (${intervalText(analysis, diff, formatRate)})`;
  const slopeExceeds = diff !== null && diff.bytesPerSec > threshold;
  const slopeClear = diff !== null && diff.low > 0;
  const corroboration = slopeExceeds && slopeClear ? corroborate(analysis, threshold, diff.bytesPerSec) : { demote: null, note: null };
  const slopeBlocks = slopeExceeds && slopeClear && corroboration.demote === null;
  comparisons.push({
    rule: "slope-increase",
    unit: "bytes/s",
    measured: diff?.bytesPerSec ?? null,
    limit: threshold,
    passed: diff === null ? null : !slopeBlocks,
    detail: slopeDetail
  });
  const limitText = `the larger of ${optionRef(Option.MinSlope)} and ${optionRef(Option.MaxSlopeIncrease)} ${formatPercent(limits.maxSlopeIncrease)} of baseline's slope`;
  if (slopeBlocks) {
    reasons.push({
      rule: "slope-increase",
      outcome: "block",
      measured: diff.bytesPerSec,
      limit: threshold,
      message: `memory floor grows faster in gray: ${slopeDetail}, above the allowed ${formatRate(threshold)} (${limitText})${corroboration.note ? `; ${corroboration.note}` : ""}`
    });
  } else if (slopeExceeds && slopeClear) {
    reasons.push({
      rule: "slope-increase",
      outcome: "warn",
      measured: diff.bytesPerSec,
      limit: threshold,
      message: `memory floor grows faster in gray (${slopeDetail}), but ${corroboration.demote}`
    });
  } else if (slopeExceeds && diff.hint) {
    reasons.push({
      rule: "slope-increase",
      outcome: "warn",
      measured: diff.bytesPerSec,
      limit: threshold,
      message: `memory floor may grow faster in gray (${slopeDetail}), but the difference is not statistically clear; lengthen ${optionRef(Option.Duration)} or raise ${optionRef(Option.Replicas)} to decide`
    });
  }
  const slopeSaid = reasons.some((r) => r.rule === "slope-increase");
  if (!slopeSaid && diff !== null && (diff.high - diff.low) / 2 > NOISE_FACTOR * threshold && reasons.every((r) => r.outcome !== "block")) {
    const noise = `the cgroup memory floor is too noisy to judge growth: its slope difference is only known to \xB1${formatRate((diff.high - diff.low) / 2)}`;
    const heap = analysis.inuseDifference;
    if (heap && heap.high < threshold) {
      notes.push(
        `${noise}, so the verdict rests on heap profiles, which rule out retained growth above ${formatRate(threshold)} (inuse_space difference ${formatRate(heap.value)}, ${percentOf(analysis.confidence)} CI up to ${formatRate(heap.high)}); growth outside the Go heap would not show`
      );
    } else if (heap && analysis.replicas > 1) {
      notes.push(
        `${noise}, so the verdict rests on heap profiles: no allocation site retains growth in every gray process above ${formatRate(threshold)}; growth outside the Go heap, or spread thinly over many sites, would not show (lengthen ${optionRef(Option.Duration)} to see it in the cgroup)`
      );
    } else {
      reasons.push({
        rule: "slope-noise",
        outcome: "inconclusive",
        measured: (diff.high - diff.low) / 2,
        limit: NOISE_FACTOR * threshold,
        message: `${noise}; lengthen ${optionRef(Option.Duration)}, raise ${optionRef(Option.Replicas)} or steady the load`
      });
    }
  }
  const inuse = inuseGrowthRule(analysis, limits, { blocked: slopeBlocks, threshold });
  if (inuse.comparison) comparisons.push(inuse.comparison);
  if (inuse.reason) reasons.push(inuse.reason);
  const site = siteGrowthRule(analysis, limits, slopeBlocks || inuse.reason?.outcome === "block");
  if (site.comparison) comparisons.push(site.comparison);
  if (site.reason) reasons.push(site.reason);
  const died = Boolean(gray2.exit || baseline.exit);
  const tooFew = [gray2, baseline].filter((s) => s.samples < MIN_WINDOW_SAMPLES || s.floorPoints < MIN_FLOOR_POINTS);
  if (!died && tooFew.length > 0) {
    reasons.push({
      rule: "enough-samples",
      outcome: "inconclusive",
      measured: Math.min(gray2.samples, baseline.samples),
      limit: MIN_WINDOW_SAMPLES,
      message: `too few readings after warm-up (baseline ${baseline.samples}, gray ${gray2.samples}; at least ${MIN_WINDOW_SAMPLES} each over ${MIN_FLOOR_POINTS}+ floor bins needed)${analysis.endedEarly ? ` because sampling ended early: ${analysis.endedEarly}` : ""}; lengthen ${optionRef(Option.Duration)} or shorten ${optionRef(Option.Interval)}`
    });
  }
  if (analysis.driver === "none") {
    reasons.push({
      rule: "degraded-measurement",
      outcome: "warn",
      measured: null,
      limit: null,
      message: `measured without cgroups (process-tree RSS): ${analysis.limitations.join("; ")}`
    });
  }
  const verdict = decide(reasons);
  return {
    verdict,
    grade: gradeOf(verdict, reasons, analysis),
    reasons: nameTopSuspect(order(reasons), analysis),
    comparisons,
    projection: projection(analysis),
    limits,
    analysis,
    notes
  };
}
function decide(reasons) {
  if (reasons.some((r) => r.outcome === "block")) return "fail";
  if (reasons.some((r) => r.outcome === "inconclusive")) return "inconclusive";
  if (reasons.some((r) => r.outcome === "warn")) return "warn";
  return "pass";
}
var OUTCOME_ORDER = { block: 0, inconclusive: 1, warn: 2 };
function order(reasons) {
  return reasons.map((r, i2) => ({ r, i: i2 })).sort((a2, b) => OUTCOME_ORDER[a2.r.outcome] - OUTCOME_ORDER[b.r.outcome] || a2.i - b.i).map(({ r }) => r);
}

// src/report/report-json.ts
function exitCodeOf(verdict, onInconclusive) {
  switch (verdict) {
    case "pass":
    case "warn":
      return ExitCode.Pass;
    case "fail":
      return ExitCode.Blocked;
    case "inconclusive":
      return onInconclusive === "pass" ? ExitCode.Pass : ExitCode.Inconclusive;
  }
}
function sideReport(side) {
  return {
    command: side.command,
    samples: side.samples,
    p95Bytes: side.p95Bytes,
    peakBytes: side.peakBytes,
    meanBytes: side.meanBytes === null ? null : Math.round(side.meanBytes),
    lastFloorBytes: side.lastFloorBytes,
    slopeBytesPerSec: side.slope?.bytesPerSec ?? null,
    slopeInterval: side.slope ? { low: side.slope.low, high: side.slope.high } : null,
    oomKills: side.oomKills,
    exit: side.exit,
    memoryStat: side.lastStat,
    instances: side.instances.map((i2) => ({
      samples: i2.samples,
      p95Bytes: i2.p95Bytes,
      lastFloorBytes: i2.lastFloorBytes,
      slopeBytesPerSec: i2.slope?.value ?? null,
      inuseGrowthBytesPerSec: i2.inuseGrowth?.value ?? null,
      anonSlopeBytesPerSec: i2.anonSlope,
      fileSlopeBytesPerSec: i2.fileSlope,
      oomKills: i2.oomKills,
      exited: i2.exit !== null
    }))
  };
}
function slopeIncrease(verdict) {
  const base = verdict.analysis.baseline.slope?.bytesPerSec;
  const diff = verdict.analysis.slopeDifference?.bytesPerSec;
  if (base === void 0 || diff === void 0 || Math.abs(base) < verdict.limits.minSlopeBytesPerSec) return null;
  return diff / Math.abs(base);
}
var differenceReport = (d) => d ? { value: d.value, low: d.low, high: d.high, method: d.method } : null;
function buildReport(verdict, settings) {
  const { analysis } = verdict;
  const surface = settings.surface ?? "cli";
  const spell = (item) => "message" in item ? { ...item, message: renderOptionRefs(item.message, surface) } : { ...item, detail: renderOptionRefs(item.detail, surface) };
  return {
    schema: REPORT_SCHEMA,
    memgateVersion: VERSION,
    verdict: verdict.verdict,
    grade: verdict.grade,
    exitCode: exitCodeOf(verdict.verdict, settings.onInconclusive),
    settings: {
      warmupMs: analysis.warmupMs,
      windowMs: analysis.plannedWindowMs,
      observedMs: Math.max(0, analysis.windowMs.end - analysis.windowMs.start),
      driver: analysis.driver,
      memoryMaxBytes: analysis.memoryMaxBytes,
      onInconclusive: settings.onInconclusive,
      limits: verdict.limits
    },
    baseline: sideReport(analysis.baseline),
    gray: sideReport(analysis.gray),
    replicas: analysis.replicas,
    confidence: analysis.confidence,
    p95Increase: analysis.p95Increase,
    p95Difference: differenceReport(analysis.p95Difference),
    slopeIncrease: slopeIncrease(verdict),
    slopeDifference: analysis.slopeDifference && {
      bytesPerSec: analysis.slopeDifference.bytesPerSec,
      low: analysis.slopeDifference.low,
      high: analysis.slopeDifference.high,
      method: analysis.slopeDifference.method
    },
    inuseGrowthDifference: differenceReport(analysis.inuseDifference),
    siteGrowthDifference: analysis.siteDifference && {
      ...differenceReport(analysis.siteDifference),
      function: analysis.siteDifference.function
    },
    memorySplit: analysis.split,
    comparisons: verdict.comparisons.map(spell),
    reasons: verdict.reasons.map(spell),
    projection: verdict.projection,
    warnings: [
      ...analysis.limitations,
      ...analysis.warnings,
      ...verdict.notes.map((n2) => renderOptionRefs(n2, surface)),
      ...analysis.evidence?.warnings ?? [],
      ...analysis.ebpf?.warnings ?? []
    ],
    // eBPF suspects (allocation rate) after the heap-profile and goroutine ones (retained memory).
    suspects: [...analysis.evidence?.suspects ?? [], ...analysis.ebpf?.suspects ?? []],
    patterns: analysis.evidence?.patterns ?? [],
    profiles: analysis.evidence?.summary ?? null,
    ebpf: analysis.ebpf?.summary ?? null,
    timeline: timeline(analysis.series)
  };
}

// src/gate/judge-bundle.ts
function judgeBundle(bundle, settings) {
  return judgeAnalysis(analyze(bundle, settings.warmupMs), settings);
}
function judgeAnalysis(analysis, settings) {
  return buildReport(judge(analysis, settings.limits), settings);
}
function writeReport(outDir, report) {
  const path6 = join6(outDir, ReportFile);
  let current = path6;
  try {
    mkdirSync3(outDir, { recursive: true });
    writeFileNoFollow(path6, JSON.stringify(report, null, 2) + "\n");
    current = join6(outDir, HtmlReportFile);
    writeFileNoFollow(current, renderHtml(report));
  } catch (error) {
    const code2 = error.code;
    if (code2 === "ELOOP")
      throw new UsageError(
        `--out ${outDir}: ${current} is a symlink, and memgate does not write through symlinks; remove it or give another directory.`
      );
    throw outWriteError(error, outDir) ?? new UsageError(
      `--out ${outDir}: cannot write the report there (${code2 ?? error.message}); give a directory you can write to.`
    );
  }
  return path6;
}

// src/collect/ebpf-preflight.ts
import { readFileSync as readFileSync5 } from "node:fs";

// src/collect/ebpf-elf.ts
import { readFileSync as readFileSync2 } from "node:fs";
var SHT_SYMTAB = 2;
var SHT_NOBITS = 8;
var STT_FUNC = 2;
var MACHINE = { 62: "amd64", 183: "arm64" };
function cstring(buf, at) {
  const end = buf.indexOf(0, at);
  return buf.toString("latin1", at, end < 0 ? buf.length : end);
}
function readGoBinary(path6, data = readFileSync2(path6)) {
  if (data.length < 64 || data.readUInt32BE(0) !== 2135247942) throw new Error(`${path6} is not an ELF executable`);
  if (data[4] !== 2 || data[5] !== 1) throw new Error(`${path6} is not a 64-bit little-endian ELF file`);
  const type = data.readUInt16LE(16);
  const machine = data.readUInt16LE(18);
  const shoff = Number(data.readBigUInt64LE(40));
  const shentsize = data.readUInt16LE(58);
  const shnum = data.readUInt16LE(60);
  const shstrndx = data.readUInt16LE(62);
  const sections = [];
  if (shoff > 0 && shoff + shnum * shentsize <= data.length) {
    for (let i2 = 0; i2 < shnum; i2++) {
      const at = shoff + i2 * shentsize;
      sections.push({
        name: "",
        type: data.readUInt32LE(at + 4),
        addr: data.readBigUInt64LE(at + 16),
        offset: data.readBigUInt64LE(at + 24),
        size: data.readBigUInt64LE(at + 32),
        link: data.readUInt32LE(at + 40),
        entsize: data.readBigUInt64LE(at + 56)
      });
      sections[i2].name = "";
    }
    const strtab = sections[shstrndx];
    if (strtab) {
      for (let i2 = 0; i2 < shnum; i2++) {
        const nameOff = data.readUInt32LE(shoff + i2 * shentsize);
        sections[i2].name = cstring(data, Number(strtab.offset) + nameOff);
      }
    }
  }
  const symbols = /* @__PURE__ */ new Map();
  const functions = [];
  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  if (symtab && symtab.entsize > 0n) {
    const names = sections[symtab.link];
    const count2 = Number(symtab.size / symtab.entsize);
    for (let i2 = 1; i2 < count2; i2++) {
      const at = Number(symtab.offset) + i2 * Number(symtab.entsize);
      if (at + 24 > data.length) break;
      const name = cstring(data, Number(names.offset) + data.readUInt32LE(at));
      const info = data[at + 4];
      const sym = { name, value: data.readBigUInt64LE(at + 8), size: data.readBigUInt64LE(at + 16) };
      if (name !== "" && !symbols.has(name)) symbols.set(name, sym);
      if ((info & 15) === STT_FUNC && sym.value > 0n) functions.push(sym);
    }
    functions.sort((a2, b) => a2.value < b.value ? -1 : a2.value > b.value ? 1 : 0);
  }
  const read = (vaddr, length) => {
    for (const s of sections) {
      if (s.addr === 0n) continue;
      if (vaddr >= s.addr && vaddr + BigInt(length) <= s.addr + s.size) {
        if (s.type === SHT_NOBITS) return Buffer.alloc(length);
        const at = Number(s.offset + (vaddr - s.addr));
        return at + length <= data.length ? data.subarray(at, at + length) : null;
      }
    }
    return null;
  };
  const binary = {
    path: path6,
    arch: MACHINE[machine] ?? `machine ${machine}`,
    pie: type === 3,
    hasSymtab: symtab !== void 0 && symbols.size > 0,
    goVersion: null,
    functions,
    symbol: (name) => symbols.get(name) ?? null,
    read
  };
  const buildinfo = sections.find((s) => s.name === ".go.buildinfo");
  binary.goVersion = (buildinfo ? buildinfoVersion(data.subarray(Number(buildinfo.offset), Number(buildinfo.offset + buildinfo.size)), read) : null) ?? buildVersionSymbol(binary);
  return binary;
}
var BUILDINFO_MAGIC = Buffer.from("\xFF Go buildinf:", "latin1");
function uvarint(buf, at) {
  let value4 = 0;
  let shift = 0;
  for (let i2 = at; i2 < buf.length && i2 < at + 10; i2++) {
    value4 += (buf[i2] & 127) * 2 ** shift;
    if ((buf[i2] & 128) === 0) return { value: value4, next: i2 + 1 };
    shift += 7;
  }
  return null;
}
function buildinfoVersion(section, read) {
  if (section.length < 32 || !section.subarray(0, 14).equals(BUILDINFO_MAGIC)) return null;
  const ptrSize = section[14];
  const flags = section[15];
  if (flags & 2) {
    const len = uvarint(section, 32);
    if (!len || len.next + len.value > section.length) return null;
    return section.toString("utf8", len.next, len.next + len.value) || null;
  }
  if (ptrSize !== 8 || flags & 1) return null;
  const header = read(section.readBigUInt64LE(16), 16);
  if (!header) return null;
  const str2 = read(header.readBigUInt64LE(0), Number(header.readBigUInt64LE(8)));
  return str2 ? str2.toString("utf8") || null : null;
}
function buildVersionSymbol(binary) {
  const sym = binary.symbol("runtime.buildVersion");
  if (!sym) return null;
  const header = binary.read(sym.value, 16);
  if (!header) return null;
  const len = Number(header.readBigUInt64LE(8));
  if (len <= 0 || len > 64) return null;
  return binary.read(header.readBigUInt64LE(0), len)?.toString("utf8") ?? null;
}
function goMinor(version) {
  const m = version ? /go(\d+)\.(\d+)/.exec(version) : null;
  return m ? [Number(m[1]), Number(m[2])] : null;
}
function functionAt(binary, addr) {
  const fns = binary.functions;
  let lo = 0;
  let hi = fns.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    if (fns[mid].value <= addr) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return null;
  const fn = fns[found];
  if (fn.size > 0n && addr >= fn.value + fn.size) return null;
  return { name: fn.name, offset: addr - fn.value };
}

// src/collect/ebpf-script.ts
var RUNTIME_HEADROOM = 6;
var ATTACHED_MARKER = "memgate: attached";
var PROBED_FUNCTION = { sampled: "runtime.mProf_Malloc", every: "runtime.mallocgc" };
var AMD64_ARGS = ["ax", "bx", "cx", "di", "si", "r8", "r9", "r10", "r11"];
var atLeast = (go, minor) => go !== null && (go[0] > 1 || go[0] === 1 && go[1] >= minor);
function hasRegisterAbi(arch, go) {
  return atLeast(go, arch === "amd64" ? 17 : 18);
}
function goidOffset(go) {
  if (!atLeast(go, 13)) return null;
  return atLeast(go, 23) ? 160 : 152;
}
function sizeArgIndex(mode, go) {
  if (mode === "every") return 0;
  return atLeast(go, 23) ? 2 : 1;
}
function argExpr(arch, go, index) {
  if (hasRegisterAbi(arch, go)) return arch === "amd64" ? `reg("${AMD64_ARGS[index]}")` : `reg("r${index}")`;
  return `*(uint64*)(reg("sp") + ${8 * (index + 1)})`;
}
function goidExpr(arch, go) {
  const offset = goidOffset(go);
  if (offset === null) return "0";
  if (arch === "arm64") return `*(uint64*)(reg("r28") + ${offset})`;
  return hasRegisterAbi(arch, go) ? `*(uint64*)(reg("r14") + ${offset})` : "0";
}
function pidFilter(pids) {
  return pids.map((p) => `pid == ${p}`).join(" || ");
}
function buildScript(options2) {
  const { mode, sampleRate, captureDepth } = options2;
  const lines = [];
  const what2 = mode === "sampled" ? "runtime.mProf_Malloc, once per MemProfileRate bytes (Go heap-profile sampling)" : `runtime.mallocgc, ${sampleRate > 1 ? `one call in ${sampleRate} (sampled in the kernel)` : "every call"}`;
  lines.push(`// memgate allocation tracer (generated): ${what2}`);
  lines.push(`BEGIN { printf("${ATTACHED_MARKER}\\n"); }`);
  for (const t of options2.targets) {
    const go = t.go ? `go${t.go[0]}.${t.go[1]}` : "go?";
    let predicate = pidFilter(t.pids);
    if (mode === "every" && sampleRate > 1) predicate = `(${predicate}) && rand % ${sampleRate} == 0`;
    lines.push(`// ${t.arch} ${go}`);
    lines.push(`uprobe:${t.binary}:${PROBED_FUNCTION[mode]} /${predicate}/ {`);
    lines.push(
      `  @alloc[pid, ${goidExpr(t.arch, t.go)}, ustack(perf, ${captureDepth})] = stats(${argExpr(t.arch, t.go, sizeArgIndex(mode, t.go))});`
    );
    if (mode === "sampled" && t.memProfileRateAddr !== null)
      lines.push(`  @rate[pid] = max(*(int64*)uptr(0x${t.memProfileRateAddr.toString(16)}));`);
    lines.push("}");
  }
  return lines.join("\n") + "\n";
}
function safeProbePath(path6) {
  return /^\/[A-Za-z0-9_./+-]+$/.test(path6);
}

// node_modules/is-plain-obj/index.js
function isPlainObject(value4) {
  if (typeof value4 !== "object" || value4 === null) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value4);
  return (prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null) && !(Symbol.toStringTag in value4) && !(Symbol.iterator in value4);
}

// node_modules/execa/lib/arguments/file-url.js
import { fileURLToPath } from "node:url";
var safeNormalizeFileUrl = (file, name) => {
  const fileString = normalizeFileUrl(normalizeDenoExecPath(file));
  if (typeof fileString !== "string") {
    throw new TypeError(`${name} must be a string or a file URL: ${fileString}.`);
  }
  return fileString;
};
var normalizeDenoExecPath = (file) => isDenoExecPath(file) ? file.toString() : file;
var isDenoExecPath = (file) => typeof file !== "string" && file && Object.getPrototypeOf(file) === String.prototype;
var normalizeFileUrl = (file) => file instanceof URL ? fileURLToPath(file) : file;

// node_modules/execa/lib/methods/parameters.js
var normalizeParameters = (rawFile, rawArguments = [], rawOptions = {}) => {
  const filePath = safeNormalizeFileUrl(rawFile, "First argument");
  const [commandArguments, options2] = isPlainObject(rawArguments) ? [[], rawArguments] : [rawArguments, rawOptions];
  if (!Array.isArray(commandArguments)) {
    throw new TypeError(`Second argument must be either an array of arguments or an options object: ${commandArguments}`);
  }
  if (commandArguments.some((commandArgument) => typeof commandArgument === "object" && commandArgument !== null)) {
    throw new TypeError(`Second argument must be an array of strings: ${commandArguments}`);
  }
  const normalizedArguments = commandArguments.map(String);
  const nullByteArgument = normalizedArguments.find((normalizedArgument) => normalizedArgument.includes("\0"));
  if (nullByteArgument !== void 0) {
    throw new TypeError(`Arguments cannot contain null bytes ("\\0"): ${nullByteArgument}`);
  }
  if (!isPlainObject(options2)) {
    throw new TypeError(`Last argument must be an options object: ${options2}`);
  }
  return [filePath, normalizedArguments, options2];
};

// node_modules/execa/lib/methods/template.js
import { ChildProcess } from "node:child_process";

// node_modules/execa/lib/utils/uint-array.js
import { StringDecoder } from "node:string_decoder";
var { toString: objectToString } = Object.prototype;
var isArrayBuffer = (value4) => objectToString.call(value4) === "[object ArrayBuffer]";
var isUint8Array = (value4) => objectToString.call(value4) === "[object Uint8Array]";
var bufferToUint8Array = (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
var textEncoder = new TextEncoder();
var stringToUint8Array = (string2) => textEncoder.encode(string2);
var textDecoder = new TextDecoder();
var uint8ArrayToString = (uint8Array) => textDecoder.decode(uint8Array);
var joinToString = (uint8ArraysOrStrings, encoding) => {
  const strings = uint8ArraysToStrings(uint8ArraysOrStrings, encoding);
  return strings.join("");
};
var uint8ArraysToStrings = (uint8ArraysOrStrings, encoding) => {
  if (encoding === "utf8" && uint8ArraysOrStrings.every((uint8ArrayOrString) => typeof uint8ArrayOrString === "string")) {
    return uint8ArraysOrStrings;
  }
  const decoder2 = new StringDecoder(encoding);
  const strings = uint8ArraysOrStrings.map((uint8ArrayOrString) => typeof uint8ArrayOrString === "string" ? stringToUint8Array(uint8ArrayOrString) : uint8ArrayOrString).map((uint8Array) => decoder2.write(uint8Array));
  const finalString = decoder2.end();
  return finalString === "" ? strings : [...strings, finalString];
};
var joinToUint8Array = (uint8ArraysOrStrings) => {
  if (uint8ArraysOrStrings.length === 1 && isUint8Array(uint8ArraysOrStrings[0])) {
    return uint8ArraysOrStrings[0];
  }
  return concatUint8Arrays(stringsToUint8Arrays(uint8ArraysOrStrings));
};
var stringsToUint8Arrays = (uint8ArraysOrStrings) => uint8ArraysOrStrings.map((uint8ArrayOrString) => typeof uint8ArrayOrString === "string" ? stringToUint8Array(uint8ArrayOrString) : uint8ArrayOrString);
var concatUint8Arrays = (uint8Arrays) => {
  const result = new Uint8Array(getJoinLength(uint8Arrays));
  let index = 0;
  for (const uint8Array of uint8Arrays) {
    result.set(uint8Array, index);
    index += uint8Array.length;
  }
  return result;
};
var getJoinLength = (uint8Arrays) => {
  let joinLength = 0;
  for (const uint8Array of uint8Arrays) {
    joinLength += uint8Array.length;
  }
  return joinLength;
};

// node_modules/execa/lib/methods/template.js
var isTemplateString = (templates) => Array.isArray(templates) && Array.isArray(templates.raw);
var parseTemplates = (templates, expressions) => {
  let tokens = [];
  for (const [index, template] of templates.entries()) {
    tokens = parseTemplate({
      templates,
      expressions,
      tokens,
      index,
      template
    });
  }
  if (tokens.length === 0) {
    throw new TypeError("Template script must not be empty");
  }
  const [file, ...commandArguments] = tokens;
  return [file, commandArguments, {}];
};
var parseTemplate = ({ templates, expressions, tokens, index, template }) => {
  if (template === void 0) {
    throw new TypeError(`Invalid backslash sequence: ${templates.raw[index]}`);
  }
  const { nextTokens, leadingWhitespaces, trailingWhitespaces } = splitByWhitespaces(template, templates.raw[index]);
  const newTokens = concatTokens(tokens, nextTokens, leadingWhitespaces);
  if (index === expressions.length) {
    return newTokens;
  }
  const expression = expressions[index];
  const expressionTokens = Array.isArray(expression) ? expression.map((expression2) => parseExpression(expression2)) : [parseExpression(expression)];
  return concatTokens(newTokens, expressionTokens, trailingWhitespaces);
};
var splitByWhitespaces = (template, rawTemplate) => {
  if (rawTemplate.length === 0) {
    return { nextTokens: [], leadingWhitespaces: false, trailingWhitespaces: false };
  }
  const nextTokens = [];
  let templateStart = 0;
  const leadingWhitespaces = DELIMITERS.has(rawTemplate[0]);
  for (let templateIndex = 0, rawIndex = 0; templateIndex < template.length; templateIndex += 1, rawIndex += 1) {
    const rawCharacter = rawTemplate[rawIndex];
    if (DELIMITERS.has(rawCharacter)) {
      if (templateStart !== templateIndex) {
        nextTokens.push(template.slice(templateStart, templateIndex));
      }
      templateStart = templateIndex + 1;
    } else if (rawCharacter === "\\") {
      const nextRawCharacter = rawTemplate[rawIndex + 1];
      if (nextRawCharacter === "\n") {
        templateIndex -= 1;
        rawIndex += 1;
      } else if (nextRawCharacter === "u" && rawTemplate[rawIndex + 2] === "{") {
        rawIndex = rawTemplate.indexOf("}", rawIndex + 3);
      } else {
        rawIndex += ESCAPE_LENGTH[nextRawCharacter] ?? 1;
      }
    }
  }
  const trailingWhitespaces = templateStart === template.length;
  if (!trailingWhitespaces) {
    nextTokens.push(template.slice(templateStart));
  }
  return { nextTokens, leadingWhitespaces, trailingWhitespaces };
};
var DELIMITERS = /* @__PURE__ */ new Set([" ", "	", "\r", "\n"]);
var ESCAPE_LENGTH = { x: 3, u: 5 };
var concatTokens = (tokens, nextTokens, isSeparated) => isSeparated || tokens.length === 0 || nextTokens.length === 0 ? [...tokens, ...nextTokens] : [
  ...tokens.slice(0, -1),
  `${tokens.at(-1)}${nextTokens[0]}`,
  ...nextTokens.slice(1)
];
var parseExpression = (expression) => {
  const typeOfExpression = typeof expression;
  if (typeOfExpression === "string") {
    return expression;
  }
  if (typeOfExpression === "number") {
    return String(expression);
  }
  if (isPlainObject(expression) && ("stdout" in expression || "isMaxBuffer" in expression)) {
    return getSubprocessResult(expression);
  }
  if (expression instanceof ChildProcess || Object.prototype.toString.call(expression) === "[object Promise]") {
    throw new TypeError("Unexpected subprocess in template expression. Please use ${await subprocess} instead of ${subprocess}.");
  }
  throw new TypeError(`Unexpected "${typeOfExpression}" in template expression`);
};
var getSubprocessResult = ({ stdout }) => {
  if (typeof stdout === "string") {
    return stdout;
  }
  if (isUint8Array(stdout)) {
    return uint8ArrayToString(stdout);
  }
  if (stdout === void 0) {
    throw new TypeError(`Missing result.stdout in template expression. This is probably due to the previous subprocess' "stdout" option.`);
  }
  throw new TypeError(`Unexpected "${typeof stdout}" stdout in template expression`);
};

// node_modules/execa/lib/methods/main-sync.js
import { spawnSync } from "node:child_process";

// node_modules/execa/lib/arguments/specific.js
import { debuglog } from "node:util";

// node_modules/execa/lib/utils/standard-stream.js
import process2 from "node:process";
var isStandardStream = (stream) => STANDARD_STREAMS.includes(stream);
var STANDARD_STREAMS = [process2.stdin, process2.stdout, process2.stderr];
var STANDARD_STREAMS_ALIASES = ["stdin", "stdout", "stderr"];
var getStreamName = (fdNumber) => STANDARD_STREAMS_ALIASES[fdNumber] ?? `stdio[${fdNumber}]`;

// node_modules/execa/lib/arguments/specific.js
var normalizeFdSpecificOptions = (options2) => {
  const optionsCopy = { ...options2 };
  for (const optionName of FD_SPECIFIC_OPTIONS) {
    optionsCopy[optionName] = normalizeFdSpecificOption(options2, optionName);
  }
  return optionsCopy;
};
var normalizeFdSpecificOption = (options2, optionName) => {
  const optionBaseArray = Array.from({ length: getStdioLength(options2) + 1 });
  const optionArray = normalizeFdSpecificValue(options2[optionName], optionBaseArray, optionName);
  return addDefaultValue(optionArray, optionName);
};
var getStdioLength = ({ stdio }) => Array.isArray(stdio) ? Math.max(stdio.length, STANDARD_STREAMS_ALIASES.length) : STANDARD_STREAMS_ALIASES.length;
var normalizeFdSpecificValue = (optionValue, optionArray, optionName) => isPlainObject(optionValue) ? normalizeOptionObject(optionValue, optionArray, optionName) : optionArray.fill(optionValue);
var normalizeOptionObject = (optionValue, optionArray, optionName) => {
  for (const fdName of Object.keys(optionValue).sort(compareFdName)) {
    for (const fdNumber of parseFdName(fdName, optionName, optionArray)) {
      optionArray[fdNumber] = optionValue[fdName];
    }
  }
  return optionArray;
};
var compareFdName = (fdNameA, fdNameB) => getFdNameOrder(fdNameA) < getFdNameOrder(fdNameB) ? 1 : -1;
var getFdNameOrder = (fdName) => {
  if (fdName === "stdout" || fdName === "stderr") {
    return 0;
  }
  return fdName === "all" ? 2 : 1;
};
var parseFdName = (fdName, optionName, optionArray) => {
  if (fdName === "ipc") {
    return [optionArray.length - 1];
  }
  const fdNumber = parseFd(fdName);
  if (fdNumber === void 0 || fdNumber === 0) {
    throw new TypeError(`"${optionName}.${fdName}" is invalid.
It must be "${optionName}.stdout", "${optionName}.stderr", "${optionName}.all", "${optionName}.ipc", or "${optionName}.fd3", "${optionName}.fd4" (and so on).`);
  }
  if (fdNumber >= optionArray.length) {
    throw new TypeError(`"${optionName}.${fdName}" is invalid: that file descriptor does not exist.
Please set the "stdio" option to ensure that file descriptor exists.`);
  }
  return fdNumber === "all" ? [1, 2] : [fdNumber];
};
var parseFd = (fdName) => {
  if (fdName === "all") {
    return fdName;
  }
  if (STANDARD_STREAMS_ALIASES.includes(fdName)) {
    return STANDARD_STREAMS_ALIASES.indexOf(fdName);
  }
  const regexpResult = FD_REGEXP.exec(fdName);
  if (regexpResult !== null) {
    return Number(regexpResult[1]);
  }
};
var FD_REGEXP = /^fd(\d+)$/;
var addDefaultValue = (optionArray, optionName) => optionArray.map((optionValue) => optionValue === void 0 ? DEFAULT_OPTIONS[optionName] : optionValue);
var verboseDefault = debuglog("execa").enabled ? "full" : "none";
var DEFAULT_OPTIONS = {
  lines: false,
  buffer: true,
  maxBuffer: 1e3 * 1e3 * 100,
  verbose: verboseDefault,
  stripFinalNewline: true
};
var FD_SPECIFIC_OPTIONS = ["lines", "buffer", "maxBuffer", "verbose", "stripFinalNewline"];
var getFdSpecificValue = (optionArray, fdNumber) => fdNumber === "ipc" ? optionArray.at(-1) : optionArray[fdNumber];

// node_modules/execa/lib/verbose/values.js
var isVerbose = ({ verbose }, fdNumber) => getFdVerbose(verbose, fdNumber) !== "none";
var isFullVerbose = ({ verbose }, fdNumber) => !["none", "short"].includes(getFdVerbose(verbose, fdNumber));
var getVerboseFunction = ({ verbose }, fdNumber) => {
  const fdVerbose = getFdVerbose(verbose, fdNumber);
  return isVerboseFunction(fdVerbose) ? fdVerbose : void 0;
};
var getFdVerbose = (verbose, fdNumber) => fdNumber === void 0 ? getFdGenericVerbose(verbose) : getFdSpecificValue(verbose, fdNumber);
var getFdGenericVerbose = (verbose) => verbose.find((fdVerbose) => isVerboseFunction(fdVerbose)) ?? VERBOSE_VALUES.findLast((fdVerbose) => verbose.includes(fdVerbose));
var isVerboseFunction = (fdVerbose) => typeof fdVerbose === "function";
var VERBOSE_VALUES = ["none", "short", "full"];

// node_modules/execa/lib/verbose/log.js
import { inspect } from "node:util";

// node_modules/execa/lib/arguments/escape.js
import { platform } from "node:process";
import { stripVTControlCharacters } from "node:util";
var joinCommand = (filePath, rawArguments) => {
  const fileAndArguments = [filePath, ...rawArguments];
  const command = fileAndArguments.join(" ");
  const escapedCommand = fileAndArguments.map((fileAndArgument) => quoteString(escapeControlCharacters(fileAndArgument))).join(" ");
  return { command, escapedCommand };
};
var escapeLines = (lines) => stripVTControlCharacters(lines).split("\n").map((line) => escapeControlCharacters(line)).join("\n");
var escapeControlCharacters = (line) => line.replaceAll(SPECIAL_CHAR_REGEXP, (character) => escapeControlCharacter(character));
var escapeControlCharacter = (character) => {
  const commonEscape = COMMON_ESCAPES[character];
  if (commonEscape !== void 0) {
    return commonEscape;
  }
  const codepoint = character.codePointAt(0);
  const codepointHex = codepoint.toString(16);
  return codepoint <= ASTRAL_START ? `\\u${codepointHex.padStart(4, "0")}` : `\\U${codepointHex}`;
};
var getSpecialCharRegExp = () => {
  try {
    return new RegExp("\\p{Separator}|\\p{Other}", "gu");
  } catch {
    return /[\s\u0000-\u001F\u007F-\u009F\u00AD]/g;
  }
};
var SPECIAL_CHAR_REGEXP = getSpecialCharRegExp();
var COMMON_ESCAPES = {
  " ": " ",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t"
};
var ASTRAL_START = 65535;
var quoteString = (escapedArgument) => {
  if (NO_ESCAPE_REGEXP.test(escapedArgument)) {
    return escapedArgument;
  }
  return platform === "win32" ? `"${escapedArgument.replaceAll('"', '""')}"` : `'${escapedArgument.replaceAll("'", "'\\''")}'`;
};
var NO_ESCAPE_REGEXP = /^[\w./-]+$/;

// node_modules/is-unicode-supported/index.js
import process3 from "node:process";
function isUnicodeSupported() {
  const { env } = process3;
  const { TERM, TERM_PROGRAM } = env;
  if (process3.platform !== "win32") {
    return TERM !== "linux";
  }
  return Boolean(env.WT_SESSION) || Boolean(env.TERMINUS_SUBLIME) || env.ConEmuTask === "{cmd::Cmder}" || TERM_PROGRAM === "Terminus-Sublime" || TERM_PROGRAM === "vscode" || TERM === "xterm-256color" || TERM === "alacritty" || TERM === "rxvt-unicode" || TERM === "rxvt-unicode-256color" || env.TERMINAL_EMULATOR === "JetBrains-JediTerm";
}

// node_modules/figures/index.js
var common = {
  circleQuestionMark: "(?)",
  questionMarkPrefix: "(?)",
  square: "\u2588",
  squareDarkShade: "\u2593",
  squareMediumShade: "\u2592",
  squareLightShade: "\u2591",
  squareTop: "\u2580",
  squareBottom: "\u2584",
  squareLeft: "\u258C",
  squareRight: "\u2590",
  squareCenter: "\u25A0",
  bullet: "\u25CF",
  dot: "\u2024",
  ellipsis: "\u2026",
  pointerSmall: "\u203A",
  triangleUp: "\u25B2",
  triangleUpSmall: "\u25B4",
  triangleDown: "\u25BC",
  triangleDownSmall: "\u25BE",
  triangleLeftSmall: "\u25C2",
  triangleRightSmall: "\u25B8",
  home: "\u2302",
  heart: "\u2665",
  musicNote: "\u266A",
  musicNoteBeamed: "\u266B",
  arrowUp: "\u2191",
  arrowDown: "\u2193",
  arrowLeft: "\u2190",
  arrowRight: "\u2192",
  arrowLeftRight: "\u2194",
  arrowUpDown: "\u2195",
  almostEqual: "\u2248",
  notEqual: "\u2260",
  lessOrEqual: "\u2264",
  greaterOrEqual: "\u2265",
  identical: "\u2261",
  infinity: "\u221E",
  subscriptZero: "\u2080",
  subscriptOne: "\u2081",
  subscriptTwo: "\u2082",
  subscriptThree: "\u2083",
  subscriptFour: "\u2084",
  subscriptFive: "\u2085",
  subscriptSix: "\u2086",
  subscriptSeven: "\u2087",
  subscriptEight: "\u2088",
  subscriptNine: "\u2089",
  oneHalf: "\xBD",
  oneThird: "\u2153",
  oneQuarter: "\xBC",
  oneFifth: "\u2155",
  oneSixth: "\u2159",
  oneEighth: "\u215B",
  twoThirds: "\u2154",
  twoFifths: "\u2156",
  threeQuarters: "\xBE",
  threeFifths: "\u2157",
  threeEighths: "\u215C",
  fourFifths: "\u2158",
  fiveSixths: "\u215A",
  fiveEighths: "\u215D",
  sevenEighths: "\u215E",
  line: "\u2500",
  lineBold: "\u2501",
  lineDouble: "\u2550",
  lineDashed0: "\u2504",
  lineDashed1: "\u2505",
  lineDashed2: "\u2508",
  lineDashed3: "\u2509",
  lineDashed4: "\u254C",
  lineDashed5: "\u254D",
  lineDashed6: "\u2574",
  lineDashed7: "\u2576",
  lineDashed8: "\u2578",
  lineDashed9: "\u257A",
  lineDashed10: "\u257C",
  lineDashed11: "\u257E",
  lineDashed12: "\u2212",
  lineDashed13: "\u2013",
  lineDashed14: "\u2010",
  lineDashed15: "\u2043",
  lineVertical: "\u2502",
  lineVerticalBold: "\u2503",
  lineVerticalDouble: "\u2551",
  lineVerticalDashed0: "\u2506",
  lineVerticalDashed1: "\u2507",
  lineVerticalDashed2: "\u250A",
  lineVerticalDashed3: "\u250B",
  lineVerticalDashed4: "\u254E",
  lineVerticalDashed5: "\u254F",
  lineVerticalDashed6: "\u2575",
  lineVerticalDashed7: "\u2577",
  lineVerticalDashed8: "\u2579",
  lineVerticalDashed9: "\u257B",
  lineVerticalDashed10: "\u257D",
  lineVerticalDashed11: "\u257F",
  lineDownLeft: "\u2510",
  lineDownLeftArc: "\u256E",
  lineDownBoldLeftBold: "\u2513",
  lineDownBoldLeft: "\u2512",
  lineDownLeftBold: "\u2511",
  lineDownDoubleLeftDouble: "\u2557",
  lineDownDoubleLeft: "\u2556",
  lineDownLeftDouble: "\u2555",
  lineDownRight: "\u250C",
  lineDownRightArc: "\u256D",
  lineDownBoldRightBold: "\u250F",
  lineDownBoldRight: "\u250E",
  lineDownRightBold: "\u250D",
  lineDownDoubleRightDouble: "\u2554",
  lineDownDoubleRight: "\u2553",
  lineDownRightDouble: "\u2552",
  lineUpLeft: "\u2518",
  lineUpLeftArc: "\u256F",
  lineUpBoldLeftBold: "\u251B",
  lineUpBoldLeft: "\u251A",
  lineUpLeftBold: "\u2519",
  lineUpDoubleLeftDouble: "\u255D",
  lineUpDoubleLeft: "\u255C",
  lineUpLeftDouble: "\u255B",
  lineUpRight: "\u2514",
  lineUpRightArc: "\u2570",
  lineUpBoldRightBold: "\u2517",
  lineUpBoldRight: "\u2516",
  lineUpRightBold: "\u2515",
  lineUpDoubleRightDouble: "\u255A",
  lineUpDoubleRight: "\u2559",
  lineUpRightDouble: "\u2558",
  lineUpDownLeft: "\u2524",
  lineUpBoldDownBoldLeftBold: "\u252B",
  lineUpBoldDownBoldLeft: "\u2528",
  lineUpDownLeftBold: "\u2525",
  lineUpBoldDownLeftBold: "\u2529",
  lineUpDownBoldLeftBold: "\u252A",
  lineUpDownBoldLeft: "\u2527",
  lineUpBoldDownLeft: "\u2526",
  lineUpDoubleDownDoubleLeftDouble: "\u2563",
  lineUpDoubleDownDoubleLeft: "\u2562",
  lineUpDownLeftDouble: "\u2561",
  lineUpDownRight: "\u251C",
  lineUpBoldDownBoldRightBold: "\u2523",
  lineUpBoldDownBoldRight: "\u2520",
  lineUpDownRightBold: "\u251D",
  lineUpBoldDownRightBold: "\u2521",
  lineUpDownBoldRightBold: "\u2522",
  lineUpDownBoldRight: "\u251F",
  lineUpBoldDownRight: "\u251E",
  lineUpDoubleDownDoubleRightDouble: "\u2560",
  lineUpDoubleDownDoubleRight: "\u255F",
  lineUpDownRightDouble: "\u255E",
  lineDownLeftRight: "\u252C",
  lineDownBoldLeftBoldRightBold: "\u2533",
  lineDownLeftBoldRightBold: "\u252F",
  lineDownBoldLeftRight: "\u2530",
  lineDownBoldLeftBoldRight: "\u2531",
  lineDownBoldLeftRightBold: "\u2532",
  lineDownLeftRightBold: "\u252E",
  lineDownLeftBoldRight: "\u252D",
  lineDownDoubleLeftDoubleRightDouble: "\u2566",
  lineDownDoubleLeftRight: "\u2565",
  lineDownLeftDoubleRightDouble: "\u2564",
  lineUpLeftRight: "\u2534",
  lineUpBoldLeftBoldRightBold: "\u253B",
  lineUpLeftBoldRightBold: "\u2537",
  lineUpBoldLeftRight: "\u2538",
  lineUpBoldLeftBoldRight: "\u2539",
  lineUpBoldLeftRightBold: "\u253A",
  lineUpLeftRightBold: "\u2536",
  lineUpLeftBoldRight: "\u2535",
  lineUpDoubleLeftDoubleRightDouble: "\u2569",
  lineUpDoubleLeftRight: "\u2568",
  lineUpLeftDoubleRightDouble: "\u2567",
  lineUpDownLeftRight: "\u253C",
  lineUpBoldDownBoldLeftBoldRightBold: "\u254B",
  lineUpDownBoldLeftBoldRightBold: "\u2548",
  lineUpBoldDownLeftBoldRightBold: "\u2547",
  lineUpBoldDownBoldLeftRightBold: "\u254A",
  lineUpBoldDownBoldLeftBoldRight: "\u2549",
  lineUpBoldDownLeftRight: "\u2540",
  lineUpDownBoldLeftRight: "\u2541",
  lineUpDownLeftBoldRight: "\u253D",
  lineUpDownLeftRightBold: "\u253E",
  lineUpBoldDownBoldLeftRight: "\u2542",
  lineUpDownLeftBoldRightBold: "\u253F",
  lineUpBoldDownLeftBoldRight: "\u2543",
  lineUpBoldDownLeftRightBold: "\u2544",
  lineUpDownBoldLeftBoldRight: "\u2545",
  lineUpDownBoldLeftRightBold: "\u2546",
  lineUpDoubleDownDoubleLeftDoubleRightDouble: "\u256C",
  lineUpDoubleDownDoubleLeftRight: "\u256B",
  lineUpDownLeftDoubleRightDouble: "\u256A",
  lineCross: "\u2573",
  lineBackslash: "\u2572",
  lineSlash: "\u2571"
};
var specialMainSymbols = {
  tick: "\u2714",
  info: "\u2139",
  warning: "\u26A0",
  cross: "\u2718",
  squareSmall: "\u25FB",
  squareSmallFilled: "\u25FC",
  circle: "\u25EF",
  circleFilled: "\u25C9",
  circleDotted: "\u25CC",
  circleDouble: "\u25CE",
  circleCircle: "\u24DE",
  circleCross: "\u24E7",
  circlePipe: "\u24BE",
  radioOn: "\u25C9",
  radioOff: "\u25EF",
  checkboxOn: "\u2612",
  checkboxOff: "\u2610",
  checkboxCircleOn: "\u24E7",
  checkboxCircleOff: "\u24BE",
  pointer: "\u276F",
  triangleUpOutline: "\u25B3",
  triangleLeft: "\u25C0",
  triangleRight: "\u25B6",
  lozenge: "\u25C6",
  lozengeOutline: "\u25C7",
  hamburger: "\u2630",
  smiley: "\u32E1",
  mustache: "\u0DF4",
  star: "\u2605",
  play: "\u25B6",
  nodejs: "\u2B22",
  oneSeventh: "\u2150",
  oneNinth: "\u2151",
  oneTenth: "\u2152"
};
var specialFallbackSymbols = {
  tick: "\u221A",
  info: "i",
  warning: "\u203C",
  cross: "\xD7",
  squareSmall: "\u25A1",
  squareSmallFilled: "\u25A0",
  circle: "( )",
  circleFilled: "(*)",
  circleDotted: "( )",
  circleDouble: "( )",
  circleCircle: "(\u25CB)",
  circleCross: "(\xD7)",
  circlePipe: "(\u2502)",
  radioOn: "(*)",
  radioOff: "( )",
  checkboxOn: "[\xD7]",
  checkboxOff: "[ ]",
  checkboxCircleOn: "(\xD7)",
  checkboxCircleOff: "( )",
  pointer: ">",
  triangleUpOutline: "\u2206",
  triangleLeft: "\u25C4",
  triangleRight: "\u25BA",
  lozenge: "\u2666",
  lozengeOutline: "\u25CA",
  hamburger: "\u2261",
  smiley: "\u263A",
  mustache: "\u250C\u2500\u2510",
  star: "\u2736",
  play: "\u25BA",
  nodejs: "\u2666",
  oneSeventh: "1/7",
  oneNinth: "1/9",
  oneTenth: "1/10"
};
var mainSymbols = { ...common, ...specialMainSymbols };
var fallbackSymbols = { ...common, ...specialFallbackSymbols };
var shouldUseMain = isUnicodeSupported();
var figures = shouldUseMain ? mainSymbols : fallbackSymbols;
var figures_default = figures;
var replacements = Object.entries(specialMainSymbols);

// node_modules/yoctocolors/base.js
import tty from "node:tty";
var hasColors = tty?.WriteStream?.prototype?.hasColors?.() ?? false;
var format = (open2, close) => {
  if (!hasColors) {
    return (input) => input;
  }
  const openCode = `\x1B[${open2}m`;
  const closeCode = `\x1B[${close}m`;
  return (input) => {
    const string2 = input + "";
    let index = string2.indexOf(closeCode);
    if (index === -1) {
      return openCode + string2 + closeCode;
    }
    let result = openCode;
    let lastIndex = 0;
    const reopenOnNestedClose = close === 22;
    const replaceCode = (reopenOnNestedClose ? closeCode : "") + openCode;
    while (index !== -1) {
      result += string2.slice(lastIndex, index) + replaceCode;
      lastIndex = index + closeCode.length;
      index = string2.indexOf(closeCode, lastIndex);
    }
    result += string2.slice(lastIndex) + closeCode;
    return result;
  };
};
var reset = format(0, 0);
var bold = format(1, 22);
var dim = format(2, 22);
var italic = format(3, 23);
var underline = format(4, 24);
var underlineDouble = format("4:2", 24);
var underlineCurly = format("4:3", 24);
var underlineDotted = format("4:4", 24);
var underlineDashed = format("4:5", 24);
var overline = format(53, 55);
var inverse = format(7, 27);
var hidden = format(8, 28);
var strikethrough = format(9, 29);
var black = format(30, 39);
var red = format(31, 39);
var green = format(32, 39);
var yellow = format(33, 39);
var blue = format(34, 39);
var magenta = format(35, 39);
var cyan = format(36, 39);
var white = format(37, 39);
var gray = format(90, 39);
var bgBlack = format(40, 49);
var bgRed = format(41, 49);
var bgGreen = format(42, 49);
var bgYellow = format(43, 49);
var bgBlue = format(44, 49);
var bgMagenta = format(45, 49);
var bgCyan = format(46, 49);
var bgWhite = format(47, 49);
var bgGray = format(100, 49);
var redBright = format(91, 39);
var greenBright = format(92, 39);
var yellowBright = format(93, 39);
var blueBright = format(94, 39);
var magentaBright = format(95, 39);
var cyanBright = format(96, 39);
var whiteBright = format(97, 39);
var bgRedBright = format(101, 49);
var bgGreenBright = format(102, 49);
var bgYellowBright = format(103, 49);
var bgBlueBright = format(104, 49);
var bgMagentaBright = format(105, 49);
var bgCyanBright = format(106, 49);
var bgWhiteBright = format(107, 49);
var underlineBlack = format("58;5;0", 59);
var underlineRed = format("58;5;1", 59);
var underlineGreen = format("58;5;2", 59);
var underlineYellow = format("58;5;3", 59);
var underlineBlue = format("58;5;4", 59);
var underlineMagenta = format("58;5;5", 59);
var underlineCyan = format("58;5;6", 59);
var underlineWhite = format("58;5;7", 59);
var underlineGray = format("58;5;8", 59);
var underlineRedBright = format("58;5;9", 59);
var underlineGreenBright = format("58;5;10", 59);
var underlineYellowBright = format("58;5;11", 59);
var underlineBlueBright = format("58;5;12", 59);
var underlineMagentaBright = format("58;5;13", 59);
var underlineCyanBright = format("58;5;14", 59);
var underlineWhiteBright = format("58;5;15", 59);

// node_modules/execa/lib/verbose/default.js
var defaultVerboseFunction = ({
  type,
  message,
  timestamp,
  piped,
  commandId,
  result: { failed = false } = {},
  options: { reject = true }
}) => {
  const timestampString = serializeTimestamp(timestamp);
  const icon = ICONS[type]({ failed, reject, piped });
  const color = COLORS2[type]({ reject });
  return `${gray(`[${timestampString}]`)} ${gray(`[${commandId}]`)} ${color(icon)} ${color(message)}`;
};
var serializeTimestamp = (timestamp) => `${padField(timestamp.getHours(), 2)}:${padField(timestamp.getMinutes(), 2)}:${padField(timestamp.getSeconds(), 2)}.${padField(timestamp.getMilliseconds(), 3)}`;
var padField = (field, padding) => String(field).padStart(padding, "0");
var getFinalIcon = ({ failed, reject }) => {
  if (!failed) {
    return figures_default.tick;
  }
  return reject ? figures_default.cross : figures_default.warning;
};
var ICONS = {
  command: ({ piped }) => piped ? "|" : "$",
  output: () => " ",
  ipc: () => "*",
  error: getFinalIcon,
  duration: getFinalIcon
};
var identity = (string2) => string2;
var COLORS2 = {
  command: () => bold,
  output: () => identity,
  ipc: () => identity,
  error: ({ reject }) => reject ? redBright : yellowBright,
  duration: () => gray
};

// node_modules/execa/lib/verbose/custom.js
var applyVerboseOnLines = (printedLines, verboseInfo, fdNumber) => {
  const verboseFunction = getVerboseFunction(verboseInfo, fdNumber);
  return printedLines.map(({ verboseLine, verboseObject }) => applyVerboseFunction(verboseLine, verboseObject, verboseFunction)).filter((printedLine) => printedLine !== void 0).map((printedLine) => appendNewline(printedLine)).join("");
};
var applyVerboseFunction = (verboseLine, verboseObject, verboseFunction) => {
  if (verboseFunction === void 0) {
    return verboseLine;
  }
  const printedLine = verboseFunction(verboseLine, verboseObject);
  if (typeof printedLine === "string") {
    return printedLine;
  }
};
var appendNewline = (printedLine) => printedLine.endsWith("\n") ? printedLine : `${printedLine}
`;

// node_modules/execa/lib/verbose/log.js
var verboseLog = ({ type, verboseMessage, fdNumber, verboseInfo, result }) => {
  const verboseObject = getVerboseObject({ type, result, verboseInfo });
  const printedLines = getPrintedLines(verboseMessage, verboseObject);
  const finalLines = applyVerboseOnLines(printedLines, verboseInfo, fdNumber);
  if (finalLines !== "") {
    console.warn(finalLines.slice(0, -1));
  }
};
var getVerboseObject = ({
  type,
  result,
  verboseInfo: { escapedCommand, commandId, rawOptions: { piped = false, ...options2 } }
}) => ({
  type,
  escapedCommand,
  commandId: `${commandId}`,
  timestamp: /* @__PURE__ */ new Date(),
  piped,
  result,
  options: options2
});
var getPrintedLines = (verboseMessage, verboseObject) => verboseMessage.split("\n").map((message) => getPrintedLine({ ...verboseObject, message }));
var getPrintedLine = (verboseObject) => {
  const verboseLine = defaultVerboseFunction(verboseObject);
  return { verboseLine, verboseObject };
};
var serializeVerboseMessage = (message) => {
  const messageString = typeof message === "string" ? message : inspect(message);
  const escapedMessage = escapeLines(messageString);
  return escapedMessage.replaceAll("	", " ".repeat(TAB_SIZE));
};
var TAB_SIZE = 2;

// node_modules/execa/lib/verbose/start.js
var logCommand = (escapedCommand, verboseInfo) => {
  if (!isVerbose(verboseInfo)) {
    return;
  }
  verboseLog({
    type: "command",
    verboseMessage: escapedCommand,
    verboseInfo
  });
};

// node_modules/execa/lib/verbose/info.js
var getVerboseInfo = (verbose, escapedCommand, rawOptions) => {
  validateVerbose(verbose);
  const commandId = getCommandId(verbose);
  return {
    verbose,
    escapedCommand,
    commandId,
    rawOptions
  };
};
var getCommandId = (verbose) => isVerbose({ verbose }) ? COMMAND_ID++ : void 0;
var COMMAND_ID = 0n;
var validateVerbose = (verbose) => {
  for (const fdVerbose of verbose) {
    if (fdVerbose === false) {
      throw new TypeError(`The "verbose: false" option was renamed to "verbose: 'none'".`);
    }
    if (fdVerbose === true) {
      throw new TypeError(`The "verbose: true" option was renamed to "verbose: 'short'".`);
    }
    if (!VERBOSE_VALUES.includes(fdVerbose) && !isVerboseFunction(fdVerbose)) {
      const allowedValues = VERBOSE_VALUES.map((allowedValue) => `'${allowedValue}'`).join(", ");
      throw new TypeError(`The "verbose" option must not be ${fdVerbose}. Allowed values are: ${allowedValues} or a function.`);
    }
  }
};

// node_modules/execa/lib/return/duration.js
import { hrtime } from "node:process";
var getStartTime = () => hrtime.bigint();
var getDurationMs = (startTime) => Number(hrtime.bigint() - startTime) / 1e6;

// node_modules/execa/lib/arguments/command.js
var handleCommand = (filePath, rawArguments, rawOptions) => {
  const startTime = getStartTime();
  const { command, escapedCommand } = joinCommand(filePath, rawArguments);
  const verbose = normalizeFdSpecificOption(rawOptions, "verbose");
  const verboseInfo = getVerboseInfo(verbose, escapedCommand, { ...rawOptions });
  logCommand(escapedCommand, verboseInfo);
  return {
    command,
    escapedCommand,
    startTime,
    verboseInfo
  };
};

// node_modules/execa/lib/arguments/options.js
var import_cross_spawn = __toESM(require_cross_spawn(), 1);
import path5 from "node:path";
import process6 from "node:process";

// node_modules/npm-run-path/index.js
import process4 from "node:process";
import path2 from "node:path";

// node_modules/npm-run-path/node_modules/path-key/index.js
function pathKey2(options2 = {}) {
  const {
    env = process.env,
    platform: platform2 = process.platform
  } = options2;
  if (platform2 !== "win32") {
    return "PATH";
  }
  return Object.keys(env).reverse().find((key) => key.toUpperCase() === "PATH") || "Path";
}

// node_modules/unicorn-magic/node.js
import { promisify } from "node:util";
import { execFile as execFileCallback, execFileSync as execFileSyncOriginal } from "node:child_process";
import path from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var execFileOriginal = promisify(execFileCallback);
function toPath(urlOrPath) {
  return urlOrPath instanceof URL ? fileURLToPath2(urlOrPath) : urlOrPath;
}
function traversePathUp(startPath) {
  return {
    *[Symbol.iterator]() {
      let currentPath = path.resolve(toPath(startPath));
      let previousPath;
      while (previousPath !== currentPath) {
        yield currentPath;
        previousPath = currentPath;
        currentPath = path.resolve(currentPath, "..");
      }
    }
  };
}
var TEN_MEGABYTES_IN_BYTES = 10 * 1024 * 1024;

// node_modules/npm-run-path/index.js
var npmRunPath = ({
  cwd = process4.cwd(),
  path: pathOption = process4.env[pathKey2()],
  preferLocal = true,
  execPath: execPath2 = process4.execPath,
  addExecPath = true
} = {}) => {
  const cwdPath = path2.resolve(toPath(cwd));
  const result = [];
  const pathParts = pathOption.split(path2.delimiter);
  if (preferLocal) {
    applyPreferLocal(result, pathParts, cwdPath);
  }
  if (addExecPath) {
    applyExecPath(result, pathParts, execPath2, cwdPath);
  }
  return pathOption === "" || pathOption === path2.delimiter ? `${result.join(path2.delimiter)}${pathOption}` : [...result, pathOption].join(path2.delimiter);
};
var applyPreferLocal = (result, pathParts, cwdPath) => {
  for (const directory of traversePathUp(cwdPath)) {
    const pathPart = path2.join(directory, "node_modules/.bin");
    if (!pathParts.includes(pathPart)) {
      result.push(pathPart);
    }
  }
};
var applyExecPath = (result, pathParts, execPath2, cwdPath) => {
  const pathPart = path2.resolve(cwdPath, toPath(execPath2), "..");
  if (!pathParts.includes(pathPart)) {
    result.push(pathPart);
  }
};
var npmRunPathEnv = ({ env = process4.env, ...options2 } = {}) => {
  env = { ...env };
  const pathName = pathKey2({ env });
  options2.path = env[pathName];
  env[pathName] = npmRunPath(options2);
  return env;
};

// node_modules/execa/lib/terminate/kill.js
import { setTimeout as setTimeout2 } from "node:timers/promises";

// node_modules/execa/lib/return/final-error.js
var getFinalError = (originalError, message, isSync) => {
  const ErrorClass = isSync ? ExecaSyncError : ExecaError;
  const options2 = originalError instanceof DiscardedError ? {} : { cause: originalError };
  return new ErrorClass(message, options2);
};
var DiscardedError = class extends Error {
};
var setErrorName = (ErrorClass, value4) => {
  Object.defineProperty(ErrorClass.prototype, "name", {
    value: value4,
    writable: true,
    enumerable: false,
    configurable: true
  });
  Object.defineProperty(ErrorClass.prototype, execaErrorSymbol, {
    value: true,
    writable: false,
    enumerable: false,
    configurable: false
  });
};
var isExecaError = (error) => isErrorInstance(error) && execaErrorSymbol in error;
var execaErrorSymbol = /* @__PURE__ */ Symbol("isExecaError");
var isErrorInstance = (value4) => Object.prototype.toString.call(value4) === "[object Error]";
var ExecaError = class extends Error {
};
setErrorName(ExecaError, ExecaError.name);
var ExecaSyncError = class extends Error {
};
setErrorName(ExecaSyncError, ExecaSyncError.name);

// node_modules/execa/lib/terminate/signal.js
import { constants as constants5 } from "node:os";

// node_modules/human-signals/build/src/main.js
import { constants as constants4 } from "node:os";

// node_modules/human-signals/build/src/realtime.js
var getRealtimeSignals = () => {
  const length = SIGRTMAX - SIGRTMIN + 1;
  return Array.from({ length }, getRealtimeSignal);
};
var getRealtimeSignal = (value4, index) => ({
  name: `SIGRT${index + 1}`,
  number: SIGRTMIN + index,
  action: "terminate",
  description: "Application-specific signal (realtime)",
  standard: "posix"
});
var SIGRTMIN = 34;
var SIGRTMAX = 64;

// node_modules/human-signals/build/src/signals.js
import { constants as constants3 } from "node:os";

// node_modules/human-signals/build/src/core.js
var SIGNALS = [
  {
    name: "SIGHUP",
    number: 1,
    action: "terminate",
    description: "Terminal closed",
    standard: "posix"
  },
  {
    name: "SIGINT",
    number: 2,
    action: "terminate",
    description: "User interruption with CTRL-C",
    standard: "ansi"
  },
  {
    name: "SIGQUIT",
    number: 3,
    action: "core",
    description: "User interruption with CTRL-\\",
    standard: "posix"
  },
  {
    name: "SIGILL",
    number: 4,
    action: "core",
    description: "Invalid machine instruction",
    standard: "ansi"
  },
  {
    name: "SIGTRAP",
    number: 5,
    action: "core",
    description: "Debugger breakpoint",
    standard: "posix"
  },
  {
    name: "SIGABRT",
    number: 6,
    action: "core",
    description: "Aborted",
    standard: "ansi"
  },
  {
    name: "SIGIOT",
    number: 6,
    action: "core",
    description: "Aborted",
    standard: "bsd"
  },
  {
    name: "SIGBUS",
    number: 7,
    action: "core",
    description: "Bus error due to misaligned, non-existing address or paging error",
    standard: "bsd"
  },
  {
    name: "SIGEMT",
    number: 7,
    action: "terminate",
    description: "Command should be emulated but is not implemented",
    standard: "other"
  },
  {
    name: "SIGFPE",
    number: 8,
    action: "core",
    description: "Floating point arithmetic error",
    standard: "ansi"
  },
  {
    name: "SIGKILL",
    number: 9,
    action: "terminate",
    description: "Forced termination",
    standard: "posix",
    forced: true
  },
  {
    name: "SIGUSR1",
    number: 10,
    action: "terminate",
    description: "Application-specific signal",
    standard: "posix"
  },
  {
    name: "SIGSEGV",
    number: 11,
    action: "core",
    description: "Segmentation fault",
    standard: "ansi"
  },
  {
    name: "SIGUSR2",
    number: 12,
    action: "terminate",
    description: "Application-specific signal",
    standard: "posix"
  },
  {
    name: "SIGPIPE",
    number: 13,
    action: "terminate",
    description: "Broken pipe or socket",
    standard: "posix"
  },
  {
    name: "SIGALRM",
    number: 14,
    action: "terminate",
    description: "Timeout or timer",
    standard: "posix"
  },
  {
    name: "SIGTERM",
    number: 15,
    action: "terminate",
    description: "Termination",
    standard: "ansi"
  },
  {
    name: "SIGSTKFLT",
    number: 16,
    action: "terminate",
    description: "Stack is empty or overflowed",
    standard: "other"
  },
  {
    name: "SIGCHLD",
    number: 17,
    action: "ignore",
    description: "Child process terminated, paused or unpaused",
    standard: "posix"
  },
  {
    name: "SIGCLD",
    number: 17,
    action: "ignore",
    description: "Child process terminated, paused or unpaused",
    standard: "other"
  },
  {
    name: "SIGCONT",
    number: 18,
    action: "unpause",
    description: "Unpaused",
    standard: "posix",
    forced: true
  },
  {
    name: "SIGSTOP",
    number: 19,
    action: "pause",
    description: "Paused",
    standard: "posix",
    forced: true
  },
  {
    name: "SIGTSTP",
    number: 20,
    action: "pause",
    description: 'Paused using CTRL-Z or "suspend"',
    standard: "posix"
  },
  {
    name: "SIGTTIN",
    number: 21,
    action: "pause",
    description: "Background process cannot read terminal input",
    standard: "posix"
  },
  {
    name: "SIGBREAK",
    number: 21,
    action: "terminate",
    description: "User interruption with CTRL-BREAK",
    standard: "other"
  },
  {
    name: "SIGTTOU",
    number: 22,
    action: "pause",
    description: "Background process cannot write to terminal output",
    standard: "posix"
  },
  {
    name: "SIGURG",
    number: 23,
    action: "ignore",
    description: "Socket received out-of-band data",
    standard: "bsd"
  },
  {
    name: "SIGXCPU",
    number: 24,
    action: "core",
    description: "Process timed out",
    standard: "bsd"
  },
  {
    name: "SIGXFSZ",
    number: 25,
    action: "core",
    description: "File too big",
    standard: "bsd"
  },
  {
    name: "SIGVTALRM",
    number: 26,
    action: "terminate",
    description: "Timeout or timer",
    standard: "bsd"
  },
  {
    name: "SIGPROF",
    number: 27,
    action: "terminate",
    description: "Timeout or timer",
    standard: "bsd"
  },
  {
    name: "SIGWINCH",
    number: 28,
    action: "ignore",
    description: "Terminal window size changed",
    standard: "bsd"
  },
  {
    name: "SIGIO",
    number: 29,
    action: "terminate",
    description: "I/O is available",
    standard: "other"
  },
  {
    name: "SIGPOLL",
    number: 29,
    action: "terminate",
    description: "Watched event",
    standard: "other"
  },
  {
    name: "SIGINFO",
    number: 29,
    action: "ignore",
    description: "Request for process information",
    standard: "other"
  },
  {
    name: "SIGPWR",
    number: 30,
    action: "terminate",
    description: "Device running out of power",
    standard: "systemv"
  },
  {
    name: "SIGSYS",
    number: 31,
    action: "core",
    description: "Invalid system call",
    standard: "other"
  },
  {
    name: "SIGUNUSED",
    number: 31,
    action: "terminate",
    description: "Invalid system call",
    standard: "other"
  }
];

// node_modules/human-signals/build/src/signals.js
var getSignals = () => {
  const realtimeSignals = getRealtimeSignals();
  const signals2 = [...SIGNALS, ...realtimeSignals].map(normalizeSignal);
  return signals2;
};
var normalizeSignal = ({
  name,
  number: defaultNumber,
  description,
  action,
  forced = false,
  standard
}) => {
  const {
    signals: { [name]: constantSignal }
  } = constants3;
  const supported = constantSignal !== void 0;
  const number = supported ? constantSignal : defaultNumber;
  return { name, number, description, supported, action, forced, standard };
};

// node_modules/human-signals/build/src/main.js
var getSignalsByName = () => {
  const signals2 = getSignals();
  return Object.fromEntries(signals2.map(getSignalByName));
};
var getSignalByName = ({
  name,
  number,
  description,
  supported,
  action,
  forced,
  standard
}) => [name, { name, number, description, supported, action, forced, standard }];
var signalsByName = getSignalsByName();
var getSignalsByNumber = () => {
  const signals2 = getSignals();
  const length = SIGRTMAX + 1;
  const signalsA = Array.from(
    { length },
    (value4, number) => getSignalByNumber(number, signals2)
  );
  return Object.assign({}, ...signalsA);
};
var getSignalByNumber = (number, signals2) => {
  const signal = findSignalByNumber(number, signals2);
  if (signal === void 0) {
    return {};
  }
  const { name, description, supported, action, forced, standard } = signal;
  return {
    [number]: {
      name,
      number,
      description,
      supported,
      action,
      forced,
      standard
    }
  };
};
var findSignalByNumber = (number, signals2) => {
  const signal = signals2.find(({ name }) => constants4.signals[name] === number);
  if (signal !== void 0) {
    return signal;
  }
  return signals2.find((signalA) => signalA.number === number);
};
var signalsByNumber = getSignalsByNumber();

// node_modules/execa/lib/terminate/signal.js
var normalizeKillSignal = (killSignal) => {
  const optionName = "option `killSignal`";
  if (killSignal === 0) {
    throw new TypeError(`Invalid ${optionName}: 0 cannot be used.`);
  }
  return normalizeSignal2(killSignal, optionName);
};
var normalizeSignalArgument = (signal) => signal === 0 ? signal : normalizeSignal2(signal, "`subprocess.kill()`'s argument");
var normalizeSignal2 = (signalNameOrInteger, optionName) => {
  if (Number.isInteger(signalNameOrInteger)) {
    return normalizeSignalInteger(signalNameOrInteger, optionName);
  }
  if (typeof signalNameOrInteger === "string") {
    return normalizeSignalName(signalNameOrInteger, optionName);
  }
  throw new TypeError(`Invalid ${optionName} ${String(signalNameOrInteger)}: it must be a string or an integer.
${getAvailableSignals()}`);
};
var normalizeSignalInteger = (signalInteger, optionName) => {
  if (signalsIntegerToName.has(signalInteger)) {
    return signalsIntegerToName.get(signalInteger);
  }
  throw new TypeError(`Invalid ${optionName} ${signalInteger}: this signal integer does not exist.
${getAvailableSignals()}`);
};
var getSignalsIntegerToName = () => new Map(Object.entries(constants5.signals).reverse().map(([signalName, signalInteger]) => [signalInteger, signalName]));
var signalsIntegerToName = getSignalsIntegerToName();
var normalizeSignalName = (signalName, optionName) => {
  if (signalName in constants5.signals) {
    return signalName;
  }
  if (signalName.toUpperCase() in constants5.signals) {
    throw new TypeError(`Invalid ${optionName} '${signalName}': please rename it to '${signalName.toUpperCase()}'.`);
  }
  throw new TypeError(`Invalid ${optionName} '${signalName}': this signal name does not exist.
${getAvailableSignals()}`);
};
var getAvailableSignals = () => `Available signal names: ${getAvailableSignalNames()}.
Available signal numbers: ${getAvailableSignalIntegers()}.`;
var getAvailableSignalNames = () => Object.keys(constants5.signals).sort().map((signalName) => `'${signalName}'`).join(", ");
var getAvailableSignalIntegers = () => [...new Set(Object.values(constants5.signals).sort((signalInteger, signalIntegerTwo) => signalInteger - signalIntegerTwo))].join(", ");
var getSignalDescription = (signal) => signalsByName[signal].description;

// node_modules/execa/lib/terminate/kill.js
var normalizeForceKillAfterDelay = (forceKillAfterDelay) => {
  if (forceKillAfterDelay === false) {
    return forceKillAfterDelay;
  }
  if (forceKillAfterDelay === true) {
    return DEFAULT_FORCE_KILL_TIMEOUT;
  }
  if (!Number.isFinite(forceKillAfterDelay) || forceKillAfterDelay < 0) {
    throw new TypeError(`Expected the \`forceKillAfterDelay\` option to be a non-negative integer, got \`${forceKillAfterDelay}\` (${typeof forceKillAfterDelay})`);
  }
  return forceKillAfterDelay;
};
var DEFAULT_FORCE_KILL_TIMEOUT = 1e3 * 5;
var subprocessKill = ({ kill, options: { forceKillAfterDelay, killSignal }, onInternalError, context: context2, controller: controller2 }, signalOrError, errorArgument) => {
  const { signal, error } = parseKillArguments(signalOrError, errorArgument, killSignal);
  emitKillError(error, onInternalError);
  const killResult = kill(signal);
  setKillTimeout({
    kill,
    signal,
    forceKillAfterDelay,
    killSignal,
    killResult,
    context: context2,
    controller: controller2
  });
  return killResult;
};
var parseKillArguments = (signalOrError, errorArgument, killSignal) => {
  const [signal = killSignal, error] = isErrorInstance(signalOrError) ? [void 0, signalOrError] : [signalOrError, errorArgument];
  if (typeof signal !== "string" && !Number.isInteger(signal)) {
    throw new TypeError(`The first argument must be an error instance or a signal name string/integer: ${String(signal)}`);
  }
  if (error !== void 0 && !isErrorInstance(error)) {
    throw new TypeError(`The second argument is optional. If specified, it must be an error instance: ${error}`);
  }
  return { signal: normalizeSignalArgument(signal), error };
};
var emitKillError = (error, onInternalError) => {
  if (error !== void 0) {
    onInternalError.reject(error);
  }
};
var setKillTimeout = async ({ kill, signal, forceKillAfterDelay, killSignal, killResult, context: context2, controller: controller2 }) => {
  if (signal === killSignal && killResult) {
    killOnTimeout({
      kill,
      forceKillAfterDelay,
      context: context2,
      controllerSignal: controller2.signal
    });
  }
};
var killOnTimeout = async ({ kill, forceKillAfterDelay, context: context2, controllerSignal }) => {
  if (forceKillAfterDelay === false) {
    return;
  }
  try {
    await setTimeout2(forceKillAfterDelay, void 0, { signal: controllerSignal });
    if (kill("SIGKILL")) {
      context2.isForcefullyTerminated ??= true;
    }
  } catch {
  }
};

// node_modules/execa/lib/utils/abort-signal.js
import { once } from "node:events";
var onAbortedSignal = async (mainSignal, stopSignal) => {
  if (!mainSignal.aborted) {
    await once(mainSignal, "abort", { signal: stopSignal });
  }
};

// node_modules/execa/lib/terminate/cancel.js
var validateCancelSignal = ({ cancelSignal }) => {
  if (cancelSignal !== void 0 && Object.prototype.toString.call(cancelSignal) !== "[object AbortSignal]") {
    throw new Error(`The \`cancelSignal\` option must be an AbortSignal: ${String(cancelSignal)}`);
  }
};
var throwOnCancel = ({ subprocess, cancelSignal, gracefulCancel, context: context2, controller: controller2 }) => cancelSignal === void 0 || gracefulCancel ? [] : [terminateOnCancel(subprocess, cancelSignal, context2, controller2)];
var terminateOnCancel = async (subprocess, cancelSignal, context2, { signal }) => {
  await onAbortedSignal(cancelSignal, signal);
  context2.terminationReason ??= "cancel";
  subprocess.kill();
  throw cancelSignal.reason;
};

// node_modules/execa/lib/ipc/graceful.js
import { scheduler as scheduler2 } from "node:timers/promises";

// node_modules/execa/lib/ipc/send.js
import { promisify as promisify2 } from "node:util";

// node_modules/execa/lib/ipc/validation.js
var validateIpcMethod = ({ methodName, isSubprocess, ipc, isConnected: isConnected2 }) => {
  validateIpcOption(methodName, isSubprocess, ipc);
  validateConnection(methodName, isSubprocess, isConnected2);
};
var validateIpcOption = (methodName, isSubprocess, ipc) => {
  if (!ipc) {
    throw new Error(`${getMethodName(methodName, isSubprocess)} can only be used if the \`ipc\` option is \`true\`.`);
  }
};
var validateConnection = (methodName, isSubprocess, isConnected2) => {
  if (!isConnected2) {
    throw new Error(`${getMethodName(methodName, isSubprocess)} cannot be used: the ${getOtherProcessName(isSubprocess)} has already exited or disconnected.`);
  }
};
var throwOnEarlyDisconnect = (isSubprocess) => {
  throw new Error(`${getMethodName("getOneMessage", isSubprocess)} could not complete: the ${getOtherProcessName(isSubprocess)} exited or disconnected.`);
};
var throwOnStrictDeadlockError = (isSubprocess) => {
  throw new Error(`${getMethodName("sendMessage", isSubprocess)} failed: the ${getOtherProcessName(isSubprocess)} is sending a message too, instead of listening to incoming messages.
This can be fixed by both sending a message and listening to incoming messages at the same time:

const [receivedMessage] = await Promise.all([
	${getMethodName("getOneMessage", isSubprocess)},
	${getMethodName("sendMessage", isSubprocess, "message, {strict: true}")},
]);`);
};
var getStrictResponseError = (error, isSubprocess) => new Error(`${getMethodName("sendMessage", isSubprocess)} failed when sending an acknowledgment response to the ${getOtherProcessName(isSubprocess)}.`, { cause: error });
var throwOnMissingStrict = (isSubprocess) => {
  throw new Error(`${getMethodName("sendMessage", isSubprocess)} failed: the ${getOtherProcessName(isSubprocess)} is not listening to incoming messages.`);
};
var throwOnStrictDisconnect = (isSubprocess) => {
  throw new Error(`${getMethodName("sendMessage", isSubprocess)} failed: the ${getOtherProcessName(isSubprocess)} exited without listening to incoming messages.`);
};
var getAbortDisconnectError = () => new Error(`\`cancelSignal\` aborted: the ${getOtherProcessName(true)} disconnected.`);
var throwOnMissingParent = () => {
  throw new Error("`getCancelSignal()` cannot be used without setting the `cancelSignal` subprocess option.");
};
var handleEpipeError = ({ error, methodName, isSubprocess }) => {
  if (error.code === "EPIPE") {
    throw new Error(`${getMethodName(methodName, isSubprocess)} cannot be used: the ${getOtherProcessName(isSubprocess)} is disconnecting.`, { cause: error });
  }
};
var handleSerializationError = ({ error, methodName, isSubprocess, message }) => {
  if (isSerializationError(error)) {
    throw new Error(`${getMethodName(methodName, isSubprocess)}'s argument type is invalid: the message cannot be serialized: ${String(message)}.`, { cause: error });
  }
};
var isSerializationError = ({ code: code2, message }) => SERIALIZATION_ERROR_CODES.has(code2) || SERIALIZATION_ERROR_MESSAGES.some((serializationErrorMessage) => message.includes(serializationErrorMessage));
var SERIALIZATION_ERROR_CODES = /* @__PURE__ */ new Set([
  // Message is `undefined`
  "ERR_MISSING_ARGS",
  // Message is a function, a bigint, a symbol
  "ERR_INVALID_ARG_TYPE"
]);
var SERIALIZATION_ERROR_MESSAGES = [
  // Message is a promise or a proxy, with `serialization: 'advanced'`
  "could not be cloned",
  // Message has cycles, with `serialization: 'json'`
  "circular structure",
  // Message has cycles inside toJSON(), with `serialization: 'json'`
  "call stack size exceeded"
];
var getMethodName = (methodName, isSubprocess, parameters = "") => methodName === "cancelSignal" ? "`cancelSignal`'s `controller.abort()`" : `${getNamespaceName(isSubprocess)}${methodName}(${parameters})`;
var getNamespaceName = (isSubprocess) => isSubprocess ? "" : "subprocess.";
var getOtherProcessName = (isSubprocess) => isSubprocess ? "parent process" : "subprocess";
var disconnect = (anyProcess) => {
  if (anyProcess.connected) {
    anyProcess.disconnect();
  }
};

// node_modules/execa/lib/utils/deferred.js
var createDeferred = () => {
  const methods = {};
  const promise = new Promise((resolve7, reject) => {
    Object.assign(methods, { resolve: resolve7, reject });
  });
  return Object.assign(promise, methods);
};

// node_modules/execa/lib/arguments/fd-options.js
var getToStream = (destination, to = "stdin") => {
  const isWritable = true;
  const { options: options2, fileDescriptors } = SUBPROCESS_OPTIONS.get(destination);
  const fdNumber = getFdNumber(fileDescriptors, to, isWritable);
  const destinationStream = destination.stdio[fdNumber];
  if (destinationStream === null) {
    throw new TypeError(getInvalidStdioOptionMessage(fdNumber, to, options2, isWritable));
  }
  return destinationStream;
};
var getFromStream = (source, from = "stdout") => {
  const isWritable = false;
  const { options: options2, fileDescriptors } = SUBPROCESS_OPTIONS.get(source);
  const fdNumber = getFdNumber(fileDescriptors, from, isWritable);
  const sourceStream = fdNumber === "all" ? source.all : source.stdio[fdNumber];
  if (sourceStream === null || sourceStream === void 0) {
    throw new TypeError(getInvalidStdioOptionMessage(fdNumber, from, options2, isWritable));
  }
  return sourceStream;
};
var SUBPROCESS_OPTIONS = /* @__PURE__ */ new WeakMap();
var getFdNumber = (fileDescriptors, fdName, isWritable) => {
  const fdNumber = parseFdNumber(fdName, isWritable);
  validateFdNumber(fdNumber, fdName, isWritable, fileDescriptors);
  return fdNumber;
};
var parseFdNumber = (fdName, isWritable) => {
  const fdNumber = parseFd(fdName);
  if (fdNumber !== void 0) {
    return fdNumber;
  }
  const { validOptions, defaultValue } = isWritable ? { validOptions: '"stdin"', defaultValue: "stdin" } : { validOptions: '"stdout", "stderr", "all"', defaultValue: "stdout" };
  throw new TypeError(`"${getOptionName(isWritable)}" must not be "${fdName}".
It must be ${validOptions} or "fd3", "fd4" (and so on).
It is optional and defaults to "${defaultValue}".`);
};
var validateFdNumber = (fdNumber, fdName, isWritable, fileDescriptors) => {
  const fileDescriptor = fileDescriptors[getUsedDescriptor(fdNumber)];
  if (fileDescriptor === void 0) {
    throw new TypeError(`"${getOptionName(isWritable)}" must not be ${fdName}. That file descriptor does not exist.
Please set the "stdio" option to ensure that file descriptor exists.`);
  }
  if (fileDescriptor.direction === "input" && !isWritable) {
    throw new TypeError(`"${getOptionName(isWritable)}" must not be ${fdName}. It must be a readable stream, not writable.`);
  }
  if (fileDescriptor.direction !== "input" && isWritable) {
    throw new TypeError(`"${getOptionName(isWritable)}" must not be ${fdName}. It must be a writable stream, not readable.`);
  }
};
var getInvalidStdioOptionMessage = (fdNumber, fdName, options2, isWritable) => {
  if (fdNumber === "all" && !options2.all) {
    return `The "all" option must be true to use "from: 'all'".`;
  }
  const { optionName, optionValue } = getInvalidStdioOption(fdNumber, options2);
  return `The "${optionName}: ${serializeOptionValue(optionValue)}" option is incompatible with using "${getOptionName(isWritable)}: ${serializeOptionValue(fdName)}".
Please set this option with "pipe" instead.`;
};
var getInvalidStdioOption = (fdNumber, { stdin, stdout, stderr, stdio }) => {
  const usedDescriptor = getUsedDescriptor(fdNumber);
  if (usedDescriptor === 0 && stdin !== void 0) {
    return { optionName: "stdin", optionValue: stdin };
  }
  if (usedDescriptor === 1 && stdout !== void 0) {
    return { optionName: "stdout", optionValue: stdout };
  }
  if (usedDescriptor === 2 && stderr !== void 0) {
    return { optionName: "stderr", optionValue: stderr };
  }
  return { optionName: `stdio[${usedDescriptor}]`, optionValue: stdio[usedDescriptor] };
};
var getUsedDescriptor = (fdNumber) => fdNumber === "all" ? 1 : fdNumber;
var getOptionName = (isWritable) => isWritable ? "to" : "from";
var serializeOptionValue = (value4) => {
  if (typeof value4 === "string") {
    return `'${value4}'`;
  }
  return typeof value4 === "number" ? `${value4}` : "Stream";
};

// node_modules/execa/lib/ipc/strict.js
import { once as once3 } from "node:events";

// node_modules/execa/lib/utils/max-listeners.js
import { addAbortListener } from "node:events";
var incrementMaxListeners = (eventEmitter, maxListenersIncrement, signal) => {
  const maxListeners = eventEmitter.getMaxListeners();
  if (maxListeners === 0 || maxListeners === Number.POSITIVE_INFINITY) {
    return;
  }
  eventEmitter.setMaxListeners(maxListeners + maxListenersIncrement);
  addAbortListener(signal, () => {
    eventEmitter.setMaxListeners(eventEmitter.getMaxListeners() - maxListenersIncrement);
  });
};

// node_modules/execa/lib/ipc/forward.js
import { EventEmitter } from "node:events";

// node_modules/execa/lib/ipc/incoming.js
import { once as once2 } from "node:events";
import { scheduler } from "node:timers/promises";

// node_modules/execa/lib/ipc/reference.js
var addReference = (channel, reference) => {
  if (reference) {
    addReferenceCount(channel);
  }
};
var addReferenceCount = (channel) => {
  channel.refCounted();
};
var removeReference = (channel, reference) => {
  if (reference) {
    removeReferenceCount(channel);
  }
};
var removeReferenceCount = (channel) => {
  channel.unrefCounted();
};
var undoAddedReferences = (channel, isSubprocess) => {
  if (isSubprocess) {
    removeReferenceCount(channel);
    removeReferenceCount(channel);
  }
};
var redoAddedReferences = (channel, isSubprocess) => {
  if (isSubprocess) {
    addReferenceCount(channel);
    addReferenceCount(channel);
  }
};

// node_modules/execa/lib/ipc/incoming.js
var onMessage = async ({ anyProcess, channel, isSubprocess, ipcEmitter }, wrappedMessage) => {
  if (handleStrictResponse(wrappedMessage) || handleAbort(wrappedMessage)) {
    return;
  }
  if (!INCOMING_MESSAGES.has(anyProcess)) {
    INCOMING_MESSAGES.set(anyProcess, []);
  }
  const incomingMessages = INCOMING_MESSAGES.get(anyProcess);
  incomingMessages.push(wrappedMessage);
  if (incomingMessages.length > 1) {
    return;
  }
  while (incomingMessages.length > 0) {
    await waitForOutgoingMessages(anyProcess, ipcEmitter, wrappedMessage);
    await scheduler.yield();
    const message = await handleStrictRequest({
      wrappedMessage: incomingMessages[0],
      anyProcess,
      channel,
      isSubprocess,
      ipcEmitter
    });
    incomingMessages.shift();
    ipcEmitter.emit("message", message);
    ipcEmitter.emit("message:done");
  }
};
var onDisconnect = async ({ anyProcess, channel, isSubprocess, ipcEmitter, boundOnMessage }) => {
  abortOnDisconnect();
  const incomingMessages = INCOMING_MESSAGES.get(anyProcess);
  while (incomingMessages?.length > 0) {
    await once2(ipcEmitter, "message:done");
  }
  anyProcess.removeListener("message", boundOnMessage);
  redoAddedReferences(channel, isSubprocess);
  ipcEmitter.connected = false;
  ipcEmitter.emit("disconnect");
};
var INCOMING_MESSAGES = /* @__PURE__ */ new WeakMap();

// node_modules/execa/lib/ipc/forward.js
var getIpcEmitter = (anyProcess, channel, isSubprocess) => {
  if (IPC_EMITTERS.has(anyProcess)) {
    return IPC_EMITTERS.get(anyProcess);
  }
  const ipcEmitter = new EventEmitter();
  ipcEmitter.connected = true;
  IPC_EMITTERS.set(anyProcess, ipcEmitter);
  forwardEvents({
    ipcEmitter,
    anyProcess,
    channel,
    isSubprocess
  });
  return ipcEmitter;
};
var IPC_EMITTERS = /* @__PURE__ */ new WeakMap();
var forwardEvents = ({ ipcEmitter, anyProcess, channel, isSubprocess }) => {
  const boundOnMessage = onMessage.bind(void 0, {
    anyProcess,
    channel,
    isSubprocess,
    ipcEmitter
  });
  anyProcess.on("message", boundOnMessage);
  anyProcess.once("disconnect", onDisconnect.bind(void 0, {
    anyProcess,
    channel,
    isSubprocess,
    ipcEmitter,
    boundOnMessage
  }));
  undoAddedReferences(channel, isSubprocess);
};
var isConnected = (anyProcess) => {
  const ipcEmitter = IPC_EMITTERS.get(anyProcess);
  return ipcEmitter === void 0 ? anyProcess.channel !== null : ipcEmitter.connected;
};

// node_modules/execa/lib/ipc/strict.js
var handleSendStrict = ({ anyProcess, channel, isSubprocess, message, strict }) => {
  if (!strict) {
    return message;
  }
  const ipcEmitter = getIpcEmitter(anyProcess, channel, isSubprocess);
  const hasListeners = hasMessageListeners(anyProcess, ipcEmitter);
  return {
    id: count++,
    type: REQUEST_TYPE,
    message,
    hasListeners
  };
};
var count = 0n;
var validateStrictDeadlock = (outgoingMessages, wrappedMessage) => {
  if (wrappedMessage?.type !== REQUEST_TYPE || wrappedMessage.hasListeners) {
    return;
  }
  for (const { id } of outgoingMessages) {
    if (id !== void 0) {
      STRICT_RESPONSES[id].resolve({ isDeadlock: true, hasListeners: false });
    }
  }
};
var handleStrictRequest = async ({ wrappedMessage, anyProcess, channel, isSubprocess, ipcEmitter }) => {
  if (wrappedMessage?.type !== REQUEST_TYPE || !anyProcess.connected) {
    return wrappedMessage;
  }
  const { id, message } = wrappedMessage;
  const response = { id, type: RESPONSE_TYPE, message: hasMessageListeners(anyProcess, ipcEmitter) };
  try {
    await sendMessage({
      anyProcess,
      channel,
      isSubprocess,
      ipc: true
    }, response);
  } catch (error) {
    ipcEmitter.emit("strict:error", error);
  }
  return message;
};
var handleStrictResponse = (wrappedMessage) => {
  if (wrappedMessage?.type !== RESPONSE_TYPE) {
    return false;
  }
  const { id, message: hasListeners } = wrappedMessage;
  STRICT_RESPONSES[id]?.resolve({ isDeadlock: false, hasListeners });
  return true;
};
var waitForStrictResponse = async (wrappedMessage, anyProcess, isSubprocess) => {
  if (wrappedMessage?.type !== REQUEST_TYPE) {
    return;
  }
  const deferred = createDeferred();
  STRICT_RESPONSES[wrappedMessage.id] = deferred;
  const controller2 = new AbortController();
  try {
    const { isDeadlock, hasListeners } = await Promise.race([
      deferred,
      throwOnDisconnect(anyProcess, isSubprocess, controller2)
    ]);
    if (isDeadlock) {
      throwOnStrictDeadlockError(isSubprocess);
    }
    if (!hasListeners) {
      throwOnMissingStrict(isSubprocess);
    }
  } finally {
    controller2.abort();
    delete STRICT_RESPONSES[wrappedMessage.id];
  }
};
var STRICT_RESPONSES = {};
var throwOnDisconnect = async (anyProcess, isSubprocess, { signal }) => {
  incrementMaxListeners(anyProcess, 1, signal);
  await once3(anyProcess, "disconnect", { signal });
  throwOnStrictDisconnect(isSubprocess);
};
var REQUEST_TYPE = "execa:ipc:request";
var RESPONSE_TYPE = "execa:ipc:response";

// node_modules/execa/lib/ipc/outgoing.js
var startSendMessage = (anyProcess, wrappedMessage, strict) => {
  if (!OUTGOING_MESSAGES.has(anyProcess)) {
    OUTGOING_MESSAGES.set(anyProcess, /* @__PURE__ */ new Set());
  }
  const outgoingMessages = OUTGOING_MESSAGES.get(anyProcess);
  const onMessageSent = createDeferred();
  const id = strict ? wrappedMessage.id : void 0;
  const outgoingMessage = { onMessageSent, id };
  outgoingMessages.add(outgoingMessage);
  return { outgoingMessages, outgoingMessage };
};
var endSendMessage = ({ outgoingMessages, outgoingMessage }) => {
  outgoingMessages.delete(outgoingMessage);
  outgoingMessage.onMessageSent.resolve();
};
var waitForOutgoingMessages = async (anyProcess, ipcEmitter, wrappedMessage) => {
  while (!hasMessageListeners(anyProcess, ipcEmitter) && OUTGOING_MESSAGES.get(anyProcess)?.size > 0) {
    const outgoingMessages = [...OUTGOING_MESSAGES.get(anyProcess)];
    validateStrictDeadlock(outgoingMessages, wrappedMessage);
    await Promise.all(outgoingMessages.map(({ onMessageSent }) => onMessageSent));
  }
};
var OUTGOING_MESSAGES = /* @__PURE__ */ new WeakMap();
var hasMessageListeners = (anyProcess, ipcEmitter) => ipcEmitter.listenerCount("message") > getMinListenerCount(anyProcess);
var getMinListenerCount = (anyProcess) => SUBPROCESS_OPTIONS.has(anyProcess) && !getFdSpecificValue(SUBPROCESS_OPTIONS.get(anyProcess).options.buffer, "ipc") ? 1 : 0;

// node_modules/execa/lib/ipc/send.js
var sendMessage = ({ anyProcess, channel, isSubprocess, ipc }, message, { strict = false } = {}) => {
  const methodName = "sendMessage";
  validateIpcMethod({
    methodName,
    isSubprocess,
    ipc,
    isConnected: anyProcess.connected
  });
  return sendMessageAsync({
    anyProcess,
    channel,
    methodName,
    isSubprocess,
    message,
    strict
  });
};
var sendMessageAsync = async ({ anyProcess, channel, methodName, isSubprocess, message, strict }) => {
  const wrappedMessage = handleSendStrict({
    anyProcess,
    channel,
    isSubprocess,
    message,
    strict
  });
  const outgoingMessagesState = startSendMessage(anyProcess, wrappedMessage, strict);
  try {
    await sendOneMessage({
      anyProcess,
      methodName,
      isSubprocess,
      wrappedMessage,
      message
    });
  } catch (error) {
    disconnect(anyProcess);
    throw error;
  } finally {
    endSendMessage(outgoingMessagesState);
  }
};
var sendOneMessage = async ({ anyProcess, methodName, isSubprocess, wrappedMessage, message }) => {
  const sendMethod = getSendMethod(anyProcess);
  try {
    await Promise.all([
      waitForStrictResponse(wrappedMessage, anyProcess, isSubprocess),
      sendMethod(wrappedMessage)
    ]);
  } catch (error) {
    handleEpipeError({ error, methodName, isSubprocess });
    handleSerializationError({
      error,
      methodName,
      isSubprocess,
      message
    });
    throw error;
  }
};
var getSendMethod = (anyProcess) => {
  if (PROCESS_SEND_METHODS.has(anyProcess)) {
    return PROCESS_SEND_METHODS.get(anyProcess);
  }
  const sendMethod = promisify2(anyProcess.send.bind(anyProcess));
  PROCESS_SEND_METHODS.set(anyProcess, sendMethod);
  return sendMethod;
};
var PROCESS_SEND_METHODS = /* @__PURE__ */ new WeakMap();

// node_modules/execa/lib/ipc/graceful.js
var sendAbort = (subprocess, message) => {
  const methodName = "cancelSignal";
  validateConnection(methodName, false, subprocess.connected);
  return sendOneMessage({
    anyProcess: subprocess,
    methodName,
    isSubprocess: false,
    wrappedMessage: { type: GRACEFUL_CANCEL_TYPE, message },
    message
  });
};
var getCancelSignal = async ({ anyProcess, channel, isSubprocess, ipc }) => {
  await startIpc({
    anyProcess,
    channel,
    isSubprocess,
    ipc
  });
  return cancelController.signal;
};
var startIpc = async ({ anyProcess, channel, isSubprocess, ipc }) => {
  if (cancelListening) {
    return;
  }
  cancelListening = true;
  if (!ipc) {
    throwOnMissingParent();
    return;
  }
  if (channel === null) {
    abortOnDisconnect();
    return;
  }
  getIpcEmitter(anyProcess, channel, isSubprocess);
  await scheduler2.yield();
};
var cancelListening = false;
var handleAbort = (wrappedMessage) => {
  if (wrappedMessage?.type !== GRACEFUL_CANCEL_TYPE) {
    return false;
  }
  cancelController.abort(wrappedMessage.message);
  return true;
};
var GRACEFUL_CANCEL_TYPE = "execa:ipc:cancel";
var abortOnDisconnect = () => {
  cancelController.abort(getAbortDisconnectError());
};
var cancelController = new AbortController();

// node_modules/execa/lib/terminate/graceful.js
var validateGracefulCancel = ({ gracefulCancel, cancelSignal, ipc, serialization }) => {
  if (!gracefulCancel) {
    return;
  }
  if (cancelSignal === void 0) {
    throw new Error("The `cancelSignal` option must be defined when setting the `gracefulCancel` option.");
  }
  if (!ipc) {
    throw new Error("The `ipc` option cannot be false when setting the `gracefulCancel` option.");
  }
  if (serialization === "json") {
    throw new Error("The `serialization` option cannot be 'json' when setting the `gracefulCancel` option.");
  }
};
var throwOnGracefulCancel = ({
  subprocess,
  cancelSignal,
  gracefulCancel,
  forceKillAfterDelay,
  context: context2,
  controller: controller2
}) => gracefulCancel ? [sendOnAbort({
  subprocess,
  cancelSignal,
  forceKillAfterDelay,
  context: context2,
  controller: controller2
})] : [];
var sendOnAbort = async ({ subprocess, cancelSignal, forceKillAfterDelay, context: context2, controller: { signal } }) => {
  await onAbortedSignal(cancelSignal, signal);
  const reason = getReason(cancelSignal);
  await sendAbort(subprocess, reason);
  killOnTimeout({
    kill: subprocess.kill,
    forceKillAfterDelay,
    context: context2,
    controllerSignal: signal
  });
  context2.terminationReason ??= "gracefulCancel";
  throw cancelSignal.reason;
};
var getReason = ({ reason }) => {
  if (!(reason instanceof DOMException)) {
    return reason;
  }
  const error = new Error(reason.message);
  Object.defineProperty(error, "stack", {
    value: reason.stack,
    enumerable: false,
    configurable: true,
    writable: true
  });
  return error;
};

// node_modules/execa/lib/terminate/timeout.js
import { setTimeout as setTimeout3 } from "node:timers/promises";
var validateTimeout = ({ timeout }) => {
  if (timeout !== void 0 && (!Number.isFinite(timeout) || timeout < 0)) {
    throw new TypeError(`Expected the \`timeout\` option to be a non-negative integer, got \`${timeout}\` (${typeof timeout})`);
  }
};
var throwOnTimeout = (subprocess, timeout, context2, controller2) => timeout === 0 || timeout === void 0 ? [] : [killAfterTimeout(subprocess, timeout, context2, controller2)];
var killAfterTimeout = async (subprocess, timeout, context2, { signal }) => {
  await setTimeout3(timeout, void 0, { signal });
  context2.terminationReason ??= "timeout";
  subprocess.kill();
  throw new DiscardedError();
};

// node_modules/execa/lib/methods/node.js
import { execPath, execArgv } from "node:process";
import path3 from "node:path";
var mapNode = ({ options: options2 }) => {
  if (options2.node === false) {
    throw new TypeError('The "node" option cannot be false with `execaNode()`.');
  }
  return { options: { ...options2, node: true } };
};
var handleNodeOption = (file, commandArguments, {
  node: shouldHandleNode = false,
  nodePath = execPath,
  nodeOptions = execArgv.filter((nodeOption) => !nodeOption.startsWith("--inspect")),
  cwd,
  execPath: formerNodePath,
  ...options2
}) => {
  if (formerNodePath !== void 0) {
    throw new TypeError('The "execPath" option has been removed. Please use the "nodePath" option instead.');
  }
  const normalizedNodePath = safeNormalizeFileUrl(nodePath, 'The "nodePath" option');
  const resolvedNodePath = path3.resolve(cwd, normalizedNodePath);
  const newOptions = {
    ...options2,
    nodePath: resolvedNodePath,
    node: shouldHandleNode,
    cwd
  };
  if (!shouldHandleNode) {
    return [file, commandArguments, newOptions];
  }
  if (path3.basename(file, ".exe") === "node") {
    throw new TypeError('When the "node" option is true, the first argument does not need to be "node".');
  }
  return [
    resolvedNodePath,
    [...nodeOptions, file, ...commandArguments],
    { ipc: true, ...newOptions, shell: false }
  ];
};

// node_modules/execa/lib/ipc/ipc-input.js
import { serialize } from "node:v8";
var validateIpcInputOption = ({ ipcInput, ipc, serialization }) => {
  if (ipcInput === void 0) {
    return;
  }
  if (!ipc) {
    throw new Error("The `ipcInput` option cannot be set unless the `ipc` option is `true`.");
  }
  validateIpcInput[serialization](ipcInput);
};
var validateAdvancedInput = (ipcInput) => {
  try {
    serialize(ipcInput);
  } catch (error) {
    throw new Error("The `ipcInput` option is not serializable with a structured clone.", { cause: error });
  }
};
var validateJsonInput = (ipcInput) => {
  try {
    JSON.stringify(ipcInput);
  } catch (error) {
    throw new Error("The `ipcInput` option is not serializable with JSON.", { cause: error });
  }
};
var validateIpcInput = {
  advanced: validateAdvancedInput,
  json: validateJsonInput
};
var sendIpcInput = async (subprocess, ipcInput) => {
  if (ipcInput === void 0) {
    return;
  }
  await subprocess.sendMessage(ipcInput);
};

// node_modules/execa/lib/arguments/encoding-option.js
var validateEncoding = ({ encoding }) => {
  if (ENCODINGS.has(encoding)) {
    return;
  }
  const correctEncoding = getCorrectEncoding(encoding);
  if (correctEncoding !== void 0) {
    throw new TypeError(`Invalid option \`encoding: ${serializeEncoding(encoding)}\`.
Please rename it to ${serializeEncoding(correctEncoding)}.`);
  }
  const correctEncodings = [...ENCODINGS].map((correctEncoding2) => serializeEncoding(correctEncoding2)).join(", ");
  throw new TypeError(`Invalid option \`encoding: ${serializeEncoding(encoding)}\`.
Please rename it to one of: ${correctEncodings}.`);
};
var TEXT_ENCODINGS = /* @__PURE__ */ new Set(["utf8", "utf16le"]);
var BINARY_ENCODINGS = /* @__PURE__ */ new Set(["buffer", "hex", "base64", "base64url", "latin1", "ascii"]);
var ENCODINGS = /* @__PURE__ */ new Set([...TEXT_ENCODINGS, ...BINARY_ENCODINGS]);
var getCorrectEncoding = (encoding) => {
  if (encoding === null) {
    return "buffer";
  }
  if (typeof encoding !== "string") {
    return;
  }
  const lowerEncoding = encoding.toLowerCase();
  if (lowerEncoding in ENCODING_ALIASES) {
    return ENCODING_ALIASES[lowerEncoding];
  }
  if (ENCODINGS.has(lowerEncoding)) {
    return lowerEncoding;
  }
};
var ENCODING_ALIASES = {
  // eslint-disable-next-line unicorn/text-encoding-identifier-case
  "utf-8": "utf8",
  "utf-16le": "utf16le",
  "ucs-2": "utf16le",
  ucs2: "utf16le",
  binary: "latin1"
};
var serializeEncoding = (encoding) => typeof encoding === "string" ? `"${encoding}"` : String(encoding);

// node_modules/execa/lib/arguments/cwd.js
import { statSync as statSync2 } from "node:fs";
import path4 from "node:path";
import process5 from "node:process";
var normalizeCwd = (cwd = getDefaultCwd()) => {
  const cwdString = safeNormalizeFileUrl(cwd, 'The "cwd" option');
  return path4.resolve(cwdString);
};
var getDefaultCwd = () => {
  try {
    return process5.cwd();
  } catch (error) {
    error.message = `The current directory does not exist.
${error.message}`;
    throw error;
  }
};
var fixCwdError = (originalMessage, cwd) => {
  if (cwd === getDefaultCwd()) {
    return originalMessage;
  }
  let cwdStat;
  try {
    cwdStat = statSync2(cwd);
  } catch (error) {
    return `The "cwd" option is invalid: ${cwd}.
${error.message}
${originalMessage}`;
  }
  if (!cwdStat.isDirectory()) {
    return `The "cwd" option is not a directory: ${cwd}.
${originalMessage}`;
  }
  return originalMessage;
};

// node_modules/execa/lib/arguments/options.js
var normalizeOptions = (filePath, rawArguments, rawOptions) => {
  rawOptions.cwd = normalizeCwd(rawOptions.cwd);
  const [processedFile, processedArguments, processedOptions] = handleNodeOption(filePath, rawArguments, rawOptions);
  const { command: file, args: commandArguments, options: initialOptions } = import_cross_spawn.default._parse(processedFile, processedArguments, processedOptions);
  const fdOptions = normalizeFdSpecificOptions(initialOptions);
  const options2 = addDefaultOptions(fdOptions);
  validateTimeout(options2);
  validateEncoding(options2);
  validateIpcInputOption(options2);
  validateCancelSignal(options2);
  validateGracefulCancel(options2);
  options2.shell = normalizeFileUrl(options2.shell);
  options2.env = getEnv(options2);
  options2.killSignal = normalizeKillSignal(options2.killSignal);
  options2.forceKillAfterDelay = normalizeForceKillAfterDelay(options2.forceKillAfterDelay);
  options2.lines = options2.lines.map((lines, fdNumber) => lines && !BINARY_ENCODINGS.has(options2.encoding) && options2.buffer[fdNumber]);
  if (process6.platform === "win32" && path5.basename(file, ".exe") === "cmd") {
    commandArguments.unshift("/q");
  }
  return { file, commandArguments, options: options2 };
};
var addDefaultOptions = ({
  extendEnv = true,
  preferLocal = false,
  cwd,
  localDir: localDirectory = cwd,
  encoding = "utf8",
  reject = true,
  cleanup = true,
  all = false,
  windowsHide = true,
  killSignal = "SIGTERM",
  forceKillAfterDelay = true,
  gracefulCancel = false,
  ipcInput,
  ipc = ipcInput !== void 0 || gracefulCancel,
  serialization = "advanced",
  ...options2
}) => ({
  ...options2,
  extendEnv,
  preferLocal,
  cwd,
  localDirectory,
  encoding,
  reject,
  cleanup,
  all,
  windowsHide,
  killSignal,
  forceKillAfterDelay,
  gracefulCancel,
  ipcInput,
  ipc,
  serialization
});
var getEnv = ({ env: envOption, extendEnv, preferLocal, node, localDirectory, nodePath }) => {
  const env = extendEnv ? { ...process6.env, ...envOption } : envOption;
  if (preferLocal || node) {
    return npmRunPathEnv({
      env,
      cwd: localDirectory,
      execPath: nodePath,
      preferLocal,
      addExecPath: node
    });
  }
  return env;
};

// node_modules/execa/lib/arguments/shell.js
var concatenateShell = (file, commandArguments, options2) => options2.shell && commandArguments.length > 0 ? [[file, ...commandArguments].join(" "), [], options2] : [file, commandArguments, options2];

// node_modules/execa/lib/return/message.js
import { inspect as inspect2 } from "node:util";

// node_modules/strip-final-newline/index.js
function stripFinalNewline(input) {
  if (typeof input === "string") {
    return stripFinalNewlineString(input);
  }
  if (!(ArrayBuffer.isView(input) && input.BYTES_PER_ELEMENT === 1)) {
    throw new Error("Input must be a string or a Uint8Array");
  }
  return stripFinalNewlineBinary(input);
}
var stripFinalNewlineString = (input) => input.at(-1) === LF ? input.slice(0, input.at(-2) === CR ? -2 : -1) : input;
var stripFinalNewlineBinary = (input) => input.at(-1) === LF_BINARY ? input.subarray(0, input.at(-2) === CR_BINARY ? -2 : -1) : input;
var LF = "\n";
var LF_BINARY = LF.codePointAt(0);
var CR = "\r";
var CR_BINARY = CR.codePointAt(0);

// node_modules/get-stream/source/index.js
import { on } from "node:events";
import { finished } from "node:stream/promises";

// node_modules/is-stream/index.js
function isStream(stream, { checkOpen = true } = {}) {
  return stream !== null && typeof stream === "object" && (stream.writable || stream.readable || !checkOpen || stream.writable === void 0 && stream.readable === void 0) && typeof stream.pipe === "function";
}
function isWritableStream(stream, { checkOpen = true } = {}) {
  return isStream(stream, { checkOpen }) && (stream.writable || !checkOpen) && typeof stream.write === "function" && typeof stream.end === "function" && typeof stream.writable === "boolean" && typeof stream.writableObjectMode === "boolean" && typeof stream.destroy === "function" && typeof stream.destroyed === "boolean";
}
function isReadableStream(stream, { checkOpen = true } = {}) {
  return isStream(stream, { checkOpen }) && (stream.readable || !checkOpen) && typeof stream.read === "function" && typeof stream.readable === "boolean" && typeof stream.readableObjectMode === "boolean" && typeof stream.destroy === "function" && typeof stream.destroyed === "boolean";
}
function isDuplexStream(stream, options2) {
  return isWritableStream(stream, options2) && isReadableStream(stream, options2);
}

// node_modules/@sec-ant/readable-stream/dist/ponyfill/asyncIterator.js
var a = Object.getPrototypeOf(
  Object.getPrototypeOf(
    /* istanbul ignore next */
    async function* () {
    }
  ).prototype
);
var c = class {
  #t;
  #n;
  #r = false;
  #e = void 0;
  constructor(e, t) {
    this.#t = e, this.#n = t;
  }
  next() {
    const e = () => this.#s();
    return this.#e = this.#e ? this.#e.then(e, e) : e(), this.#e;
  }
  return(e) {
    const t = () => this.#i(e);
    return this.#e ? this.#e.then(t, t) : t();
  }
  async #s() {
    if (this.#r)
      return {
        done: true,
        value: void 0
      };
    let e;
    try {
      e = await this.#t.read();
    } catch (t) {
      throw this.#e = void 0, this.#r = true, this.#t.releaseLock(), t;
    }
    return e.done && (this.#e = void 0, this.#r = true, this.#t.releaseLock()), e;
  }
  async #i(e) {
    if (this.#r)
      return {
        done: true,
        value: e
      };
    if (this.#r = true, !this.#n) {
      const t = this.#t.cancel(e);
      return this.#t.releaseLock(), await t, {
        done: true,
        value: e
      };
    }
    return this.#t.releaseLock(), {
      done: true,
      value: e
    };
  }
};
var n = /* @__PURE__ */ Symbol();
function i() {
  return this[n].next();
}
Object.defineProperty(i, "name", { value: "next" });
function o(r) {
  return this[n].return(r);
}
Object.defineProperty(o, "name", { value: "return" });
var u = Object.create(a, {
  next: {
    enumerable: true,
    configurable: true,
    writable: true,
    value: i
  },
  return: {
    enumerable: true,
    configurable: true,
    writable: true,
    value: o
  }
});
function h({ preventCancel: r = false } = {}) {
  const e = this.getReader(), t = new c(
    e,
    r
  ), s = Object.create(u);
  return s[n] = t, s;
}

// node_modules/get-stream/source/stream.js
var getAsyncIterable = (stream) => {
  if (isReadableStream(stream, { checkOpen: false }) && nodeImports.on !== void 0) {
    return getStreamIterable(stream);
  }
  if (typeof stream?.[Symbol.asyncIterator] === "function") {
    return stream;
  }
  if (toString.call(stream) === "[object ReadableStream]") {
    return h.call(stream);
  }
  throw new TypeError("The first argument must be a Readable, a ReadableStream, or an async iterable.");
};
var { toString } = Object.prototype;
var getStreamIterable = async function* (stream) {
  const controller2 = new AbortController();
  const state = {};
  handleStreamEnd(stream, controller2, state);
  try {
    for await (const [chunk] of nodeImports.on(stream, "data", { signal: controller2.signal })) {
      yield chunk;
    }
  } catch (error) {
    if (state.error !== void 0) {
      throw state.error;
    } else if (!controller2.signal.aborted) {
      throw error;
    }
  } finally {
    stream.destroy();
  }
};
var handleStreamEnd = async (stream, controller2, state) => {
  try {
    await nodeImports.finished(stream, {
      cleanup: true,
      readable: true,
      writable: false,
      error: false
    });
  } catch (error) {
    state.error = error;
  } finally {
    controller2.abort();
  }
};
var nodeImports = {};

// node_modules/get-stream/source/contents.js
var getStreamContents = async (stream, { init, convertChunk, getSize, truncateChunk, addChunk, getFinalChunk, finalize }, { maxBuffer = Number.POSITIVE_INFINITY } = {}) => {
  const asyncIterable = getAsyncIterable(stream);
  const state = init();
  state.length = 0;
  try {
    for await (const chunk of asyncIterable) {
      const chunkType = getChunkType(chunk);
      const convertedChunk = convertChunk[chunkType](chunk, state);
      appendChunk({
        convertedChunk,
        state,
        getSize,
        truncateChunk,
        addChunk,
        maxBuffer
      });
    }
    appendFinalChunk({
      state,
      convertChunk,
      getSize,
      truncateChunk,
      addChunk,
      getFinalChunk,
      maxBuffer
    });
    return finalize(state);
  } catch (error) {
    const normalizedError = typeof error === "object" && error !== null ? error : new Error(error);
    normalizedError.bufferedData = finalize(state);
    throw normalizedError;
  }
};
var appendFinalChunk = ({ state, getSize, truncateChunk, addChunk, getFinalChunk, maxBuffer }) => {
  const convertedChunk = getFinalChunk(state);
  if (convertedChunk !== void 0) {
    appendChunk({
      convertedChunk,
      state,
      getSize,
      truncateChunk,
      addChunk,
      maxBuffer
    });
  }
};
var appendChunk = ({ convertedChunk, state, getSize, truncateChunk, addChunk, maxBuffer }) => {
  const chunkSize = getSize(convertedChunk);
  const newLength = state.length + chunkSize;
  if (newLength <= maxBuffer) {
    addNewChunk(convertedChunk, state, addChunk, newLength);
    return;
  }
  const truncatedChunk = truncateChunk(convertedChunk, maxBuffer - state.length);
  if (truncatedChunk !== void 0) {
    addNewChunk(truncatedChunk, state, addChunk, maxBuffer);
  }
  throw new MaxBufferError();
};
var addNewChunk = (convertedChunk, state, addChunk, newLength) => {
  state.contents = addChunk(convertedChunk, state, newLength);
  state.length = newLength;
};
var getChunkType = (chunk) => {
  const typeOfChunk = typeof chunk;
  if (typeOfChunk === "string") {
    return "string";
  }
  if (typeOfChunk !== "object" || chunk === null) {
    return "others";
  }
  if (globalThis.Buffer?.isBuffer(chunk)) {
    return "buffer";
  }
  const prototypeName = objectToString2.call(chunk);
  if (prototypeName === "[object ArrayBuffer]") {
    return "arrayBuffer";
  }
  if (prototypeName === "[object DataView]") {
    return "dataView";
  }
  if (Number.isInteger(chunk.byteLength) && Number.isInteger(chunk.byteOffset) && objectToString2.call(chunk.buffer) === "[object ArrayBuffer]") {
    return "typedArray";
  }
  return "others";
};
var { toString: objectToString2 } = Object.prototype;
var MaxBufferError = class extends Error {
  name = "MaxBufferError";
  constructor() {
    super("maxBuffer exceeded");
  }
};

// node_modules/get-stream/source/utils.js
var identity2 = (value4) => value4;
var noop = () => void 0;
var getContentsProperty = ({ contents }) => contents;
var throwObjectStream = (chunk) => {
  throw new Error(`Streams in object mode are not supported: ${String(chunk)}`);
};
var getLengthProperty = (convertedChunk) => convertedChunk.length;

// node_modules/get-stream/source/array.js
async function getStreamAsArray(stream, options2) {
  return getStreamContents(stream, arrayMethods, options2);
}
var initArray = () => ({ contents: [] });
var increment = () => 1;
var addArrayChunk = (convertedChunk, { contents }) => {
  contents.push(convertedChunk);
  return contents;
};
var arrayMethods = {
  init: initArray,
  convertChunk: {
    string: identity2,
    buffer: identity2,
    arrayBuffer: identity2,
    dataView: identity2,
    typedArray: identity2,
    others: identity2
  },
  getSize: increment,
  truncateChunk: noop,
  addChunk: addArrayChunk,
  getFinalChunk: noop,
  finalize: getContentsProperty
};

// node_modules/get-stream/source/array-buffer.js
async function getStreamAsArrayBuffer(stream, options2) {
  return getStreamContents(stream, arrayBufferMethods, options2);
}
var initArrayBuffer = () => ({ contents: new ArrayBuffer(0) });
var useTextEncoder = (chunk) => textEncoder2.encode(chunk);
var textEncoder2 = new TextEncoder();
var useUint8Array = (chunk) => new Uint8Array(chunk);
var useUint8ArrayWithOffset = (chunk) => new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
var truncateArrayBufferChunk = (convertedChunk, chunkSize) => convertedChunk.slice(0, chunkSize);
var addArrayBufferChunk = (convertedChunk, { contents, length: previousLength }, length) => {
  const newContents = hasArrayBufferResize() ? resizeArrayBuffer(contents, length) : resizeArrayBufferSlow(contents, length);
  new Uint8Array(newContents).set(convertedChunk, previousLength);
  return newContents;
};
var resizeArrayBufferSlow = (contents, length) => {
  if (length <= contents.byteLength) {
    return contents;
  }
  const arrayBuffer = new ArrayBuffer(getNewContentsLength(length));
  new Uint8Array(arrayBuffer).set(new Uint8Array(contents), 0);
  return arrayBuffer;
};
var resizeArrayBuffer = (contents, length) => {
  if (length <= contents.maxByteLength) {
    contents.resize(length);
    return contents;
  }
  const arrayBuffer = new ArrayBuffer(length, { maxByteLength: getNewContentsLength(length) });
  new Uint8Array(arrayBuffer).set(new Uint8Array(contents), 0);
  return arrayBuffer;
};
var getNewContentsLength = (length) => SCALE_FACTOR ** Math.ceil(Math.log(length) / Math.log(SCALE_FACTOR));
var SCALE_FACTOR = 2;
var finalizeArrayBuffer = ({ contents, length }) => hasArrayBufferResize() ? contents : contents.slice(0, length);
var hasArrayBufferResize = () => "resize" in ArrayBuffer.prototype;
var arrayBufferMethods = {
  init: initArrayBuffer,
  convertChunk: {
    string: useTextEncoder,
    buffer: useUint8Array,
    arrayBuffer: useUint8Array,
    dataView: useUint8ArrayWithOffset,
    typedArray: useUint8ArrayWithOffset,
    others: throwObjectStream
  },
  getSize: getLengthProperty,
  truncateChunk: truncateArrayBufferChunk,
  addChunk: addArrayBufferChunk,
  getFinalChunk: noop,
  finalize: finalizeArrayBuffer
};

// node_modules/get-stream/source/string.js
async function getStreamAsString(stream, options2) {
  return getStreamContents(stream, stringMethods, options2);
}
var initString = () => ({ contents: "", textDecoder: new TextDecoder() });
var useTextDecoder = (chunk, { textDecoder: textDecoder2 }) => textDecoder2.decode(chunk, { stream: true });
var addStringChunk = (convertedChunk, { contents }) => contents + convertedChunk;
var truncateStringChunk = (convertedChunk, chunkSize) => convertedChunk.slice(0, chunkSize);
var getFinalStringChunk = ({ textDecoder: textDecoder2 }) => {
  const finalChunk = textDecoder2.decode();
  return finalChunk === "" ? void 0 : finalChunk;
};
var stringMethods = {
  init: initString,
  convertChunk: {
    string: identity2,
    buffer: useTextDecoder,
    arrayBuffer: useTextDecoder,
    dataView: useTextDecoder,
    typedArray: useTextDecoder,
    others: throwObjectStream
  },
  getSize: getLengthProperty,
  truncateChunk: truncateStringChunk,
  addChunk: addStringChunk,
  getFinalChunk: getFinalStringChunk,
  finalize: getContentsProperty
};

// node_modules/get-stream/source/index.js
Object.assign(nodeImports, { on, finished });

// node_modules/execa/lib/io/max-buffer.js
var handleMaxBuffer = ({ error, stream, readableObjectMode, lines, encoding, fdNumber }) => {
  if (!(error instanceof MaxBufferError)) {
    throw error;
  }
  if (fdNumber === "all") {
    return error;
  }
  const unit = getMaxBufferUnit(readableObjectMode, lines, encoding);
  error.maxBufferInfo = { fdNumber, unit };
  stream.destroy();
  throw error;
};
var getMaxBufferUnit = (readableObjectMode, lines, encoding) => {
  if (readableObjectMode) {
    return "objects";
  }
  if (lines) {
    return "lines";
  }
  if (encoding === "buffer") {
    return "bytes";
  }
  return "characters";
};
var checkIpcMaxBuffer = (subprocess, ipcOutput, maxBuffer) => {
  if (ipcOutput.length !== maxBuffer) {
    return;
  }
  const error = new MaxBufferError();
  error.maxBufferInfo = { fdNumber: "ipc" };
  throw error;
};
var getMaxBufferMessage = (error, maxBuffer) => {
  const { streamName, threshold, unit } = getMaxBufferInfo(error, maxBuffer);
  return `Command's ${streamName} was larger than ${threshold} ${unit}`;
};
var getMaxBufferInfo = (error, maxBuffer) => {
  if (error?.maxBufferInfo === void 0) {
    return { streamName: "output", threshold: maxBuffer[1], unit: "bytes" };
  }
  const { maxBufferInfo: { fdNumber, unit } } = error;
  delete error.maxBufferInfo;
  const threshold = getFdSpecificValue(maxBuffer, fdNumber);
  if (fdNumber === "ipc") {
    return { streamName: "IPC output", threshold, unit: "messages" };
  }
  return { streamName: getStreamName(fdNumber), threshold, unit };
};
var isMaxBufferSync = (resultError, output, maxBuffer) => resultError?.code === "ENOBUFS" && output !== null && output.some((result) => result !== null && result.length > getMaxBufferSync(maxBuffer));
var truncateMaxBufferSync = (result, isMaxBuffer, maxBuffer) => {
  if (!isMaxBuffer) {
    return result;
  }
  const maxBufferValue = getMaxBufferSync(maxBuffer);
  return result.length > maxBufferValue ? result.slice(0, maxBufferValue) : result;
};
var getMaxBufferSync = ([, stdoutMaxBuffer]) => stdoutMaxBuffer;

// node_modules/execa/lib/return/message.js
var createMessages = ({
  stdio,
  all,
  ipcOutput,
  originalError,
  signal,
  signalDescription,
  exitCode,
  escapedCommand,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isMaxBuffer,
  isForcefullyTerminated,
  forceKillAfterDelay,
  killSignal,
  maxBuffer,
  timeout,
  cwd
}) => {
  const errorCode = originalError?.code;
  const prefix = getErrorPrefix({
    originalError,
    timedOut,
    timeout,
    isMaxBuffer,
    maxBuffer,
    errorCode,
    signal,
    signalDescription,
    exitCode,
    isCanceled,
    isGracefullyCanceled,
    isForcefullyTerminated,
    forceKillAfterDelay,
    killSignal
  });
  const originalMessage = getOriginalMessage(originalError, cwd);
  const suffix = originalMessage === void 0 ? "" : `
${originalMessage}`;
  const shortMessage = `${prefix}: ${escapedCommand}${suffix}`;
  const messageStdio = all === void 0 ? [stdio[2], stdio[1]] : [all];
  const message = [
    shortMessage,
    ...messageStdio,
    ...stdio.slice(3),
    ipcOutput.map((ipcMessage) => serializeIpcMessage(ipcMessage)).join("\n")
  ].map((messagePart) => escapeLines(stripFinalNewline(serializeMessagePart(messagePart)))).filter(Boolean).join("\n\n");
  return { originalMessage, shortMessage, message };
};
var getErrorPrefix = ({
  originalError,
  timedOut,
  timeout,
  isMaxBuffer,
  maxBuffer,
  errorCode,
  signal,
  signalDescription,
  exitCode,
  isCanceled,
  isGracefullyCanceled,
  isForcefullyTerminated,
  forceKillAfterDelay,
  killSignal
}) => {
  const forcefulSuffix = getForcefulSuffix(isForcefullyTerminated, forceKillAfterDelay);
  if (timedOut) {
    return `Command timed out after ${timeout} milliseconds${forcefulSuffix}`;
  }
  if (isGracefullyCanceled) {
    if (signal === void 0) {
      return `Command was gracefully canceled with exit code ${exitCode}`;
    }
    return isForcefullyTerminated ? `Command was gracefully canceled${forcefulSuffix}` : `Command was gracefully canceled with ${signal} (${signalDescription})`;
  }
  if (isCanceled) {
    return `Command was canceled${forcefulSuffix}`;
  }
  if (isMaxBuffer) {
    return `${getMaxBufferMessage(originalError, maxBuffer)}${forcefulSuffix}`;
  }
  if (errorCode !== void 0) {
    return `Command failed with ${errorCode}${forcefulSuffix}`;
  }
  if (isForcefullyTerminated) {
    return `Command was killed with ${killSignal} (${getSignalDescription(killSignal)})${forcefulSuffix}`;
  }
  if (signal !== void 0) {
    return `Command was killed with ${signal} (${signalDescription})`;
  }
  if (exitCode !== void 0) {
    return `Command failed with exit code ${exitCode}`;
  }
  return "Command failed";
};
var getForcefulSuffix = (isForcefullyTerminated, forceKillAfterDelay) => isForcefullyTerminated ? ` and was forcefully terminated after ${forceKillAfterDelay} milliseconds` : "";
var getOriginalMessage = (originalError, cwd) => {
  if (originalError instanceof DiscardedError) {
    return;
  }
  const originalMessage = isExecaError(originalError) ? originalError.originalMessage : String(originalError?.message ?? originalError);
  const escapedOriginalMessage = escapeLines(fixCwdError(originalMessage, cwd));
  return escapedOriginalMessage === "" ? void 0 : escapedOriginalMessage;
};
var serializeIpcMessage = (ipcMessage) => typeof ipcMessage === "string" ? ipcMessage : inspect2(ipcMessage);
var serializeMessagePart = (messagePart) => Array.isArray(messagePart) ? messagePart.map((messageItem) => stripFinalNewline(serializeMessageItem(messageItem))).filter(Boolean).join("\n") : serializeMessageItem(messagePart);
var serializeMessageItem = (messageItem) => {
  if (typeof messageItem === "string") {
    return messageItem;
  }
  if (isUint8Array(messageItem)) {
    return uint8ArrayToString(messageItem);
  }
  return "";
};

// node_modules/execa/lib/return/result.js
var makeSuccessResult = ({
  command,
  escapedCommand,
  stdio,
  all,
  ipcOutput,
  options: { cwd },
  startTime
}) => omitUndefinedProperties({
  command,
  escapedCommand,
  cwd,
  durationMs: getDurationMs(startTime),
  failed: false,
  timedOut: false,
  isCanceled: false,
  isGracefullyCanceled: false,
  isTerminated: false,
  isMaxBuffer: false,
  isForcefullyTerminated: false,
  exitCode: 0,
  stdout: stdio[1],
  stderr: stdio[2],
  all,
  stdio,
  ipcOutput,
  pipedFrom: []
});
var makeEarlyError = ({
  error,
  command,
  escapedCommand,
  fileDescriptors,
  options: options2,
  startTime,
  isSync
}) => makeError({
  error,
  command,
  escapedCommand,
  startTime,
  timedOut: false,
  isCanceled: false,
  isGracefullyCanceled: false,
  isMaxBuffer: false,
  isForcefullyTerminated: false,
  stdio: Array.from({ length: fileDescriptors.length }),
  ipcOutput: [],
  options: options2,
  isSync
});
var makeError = ({
  error: originalError,
  command,
  escapedCommand,
  startTime,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isMaxBuffer,
  isForcefullyTerminated,
  exitCode: rawExitCode,
  signal: rawSignal,
  stdio,
  all,
  ipcOutput,
  options: {
    timeoutDuration,
    timeout = timeoutDuration,
    forceKillAfterDelay,
    killSignal,
    cwd,
    maxBuffer
  },
  isSync
}) => {
  const { exitCode, signal, signalDescription } = normalizeExitPayload(rawExitCode, rawSignal);
  const { originalMessage, shortMessage, message } = createMessages({
    stdio,
    all,
    ipcOutput,
    originalError,
    signal,
    signalDescription,
    exitCode,
    escapedCommand,
    timedOut,
    isCanceled,
    isGracefullyCanceled,
    isMaxBuffer,
    isForcefullyTerminated,
    forceKillAfterDelay,
    killSignal,
    maxBuffer,
    timeout,
    cwd
  });
  const error = getFinalError(originalError, message, isSync);
  Object.assign(error, getErrorProperties({
    error,
    command,
    escapedCommand,
    startTime,
    timedOut,
    isCanceled,
    isGracefullyCanceled,
    isMaxBuffer,
    isForcefullyTerminated,
    exitCode,
    signal,
    signalDescription,
    stdio,
    all,
    ipcOutput,
    cwd,
    originalMessage,
    shortMessage
  }));
  return error;
};
var getErrorProperties = ({
  error,
  command,
  escapedCommand,
  startTime,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isMaxBuffer,
  isForcefullyTerminated,
  exitCode,
  signal,
  signalDescription,
  stdio,
  all,
  ipcOutput,
  cwd,
  originalMessage,
  shortMessage
}) => omitUndefinedProperties({
  shortMessage,
  originalMessage,
  command,
  escapedCommand,
  cwd,
  durationMs: getDurationMs(startTime),
  failed: true,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isTerminated: signal !== void 0,
  isMaxBuffer,
  isForcefullyTerminated,
  exitCode,
  signal,
  signalDescription,
  code: error.cause?.code,
  stdout: stdio[1],
  stderr: stdio[2],
  all,
  stdio,
  ipcOutput,
  pipedFrom: []
});
var omitUndefinedProperties = (result) => Object.fromEntries(Object.entries(result).filter(([, value4]) => value4 !== void 0));
var normalizeExitPayload = (rawExitCode, rawSignal) => {
  const exitCode = rawExitCode === null ? void 0 : rawExitCode;
  const signal = rawSignal === null ? void 0 : rawSignal;
  const signalDescription = signal === void 0 ? void 0 : getSignalDescription(rawSignal);
  return { exitCode, signal, signalDescription };
};

// node_modules/parse-ms/index.js
var toZeroIfInfinity = (value4) => Number.isFinite(value4) ? value4 : 0;
function parseNumber(milliseconds) {
  return {
    days: Math.trunc(milliseconds / 864e5),
    hours: Math.trunc(milliseconds / 36e5 % 24),
    minutes: Math.trunc(milliseconds / 6e4 % 60),
    seconds: Math.trunc(milliseconds / 1e3 % 60),
    milliseconds: Math.trunc(milliseconds % 1e3),
    microseconds: Math.trunc(toZeroIfInfinity(milliseconds * 1e3) % 1e3),
    nanoseconds: Math.trunc(toZeroIfInfinity(milliseconds * 1e6) % 1e3)
  };
}
function parseBigint(milliseconds) {
  return {
    days: milliseconds / 86400000n,
    hours: milliseconds / 3600000n % 24n,
    minutes: milliseconds / 60000n % 60n,
    seconds: milliseconds / 1000n % 60n,
    milliseconds: milliseconds % 1000n,
    microseconds: 0n,
    nanoseconds: 0n
  };
}
function parseMilliseconds(milliseconds) {
  switch (typeof milliseconds) {
    case "number": {
      if (Number.isFinite(milliseconds)) {
        return parseNumber(milliseconds);
      }
      break;
    }
    case "bigint": {
      return parseBigint(milliseconds);
    }
  }
  throw new TypeError("Expected a finite number or bigint");
}

// node_modules/pretty-ms/index.js
var isZero = (value4) => value4 === 0 || value4 === 0n;
var pluralize = (word, count2) => count2 === 1 || count2 === 1n ? word : `${word}s`;
var SECOND_ROUNDING_EPSILON = 1e-7;
var ONE_DAY_IN_MILLISECONDS = 24n * 60n * 60n * 1000n;
function prettyMilliseconds(milliseconds, options2) {
  const isBigInt = typeof milliseconds === "bigint";
  if (!isBigInt && !Number.isFinite(milliseconds)) {
    throw new TypeError("Expected a finite number or bigint");
  }
  options2 = { ...options2 };
  const sign = milliseconds < 0 ? "-" : "";
  milliseconds = milliseconds < 0 ? -milliseconds : milliseconds;
  if (options2.colonNotation) {
    options2.compact = false;
    options2.formatSubMilliseconds = false;
    options2.separateMilliseconds = false;
    options2.verbose = false;
  }
  if (options2.compact) {
    options2.unitCount = 1;
    options2.secondsDecimalDigits = 0;
    options2.millisecondsDecimalDigits = 0;
  }
  let result = [];
  const floorDecimals = (value4, decimalDigits) => {
    const flooredInterimValue = Math.floor(value4 * 10 ** decimalDigits + SECOND_ROUNDING_EPSILON);
    const flooredValue = Math.round(flooredInterimValue) / 10 ** decimalDigits;
    return flooredValue.toFixed(decimalDigits);
  };
  const add2 = (value4, long2, short, valueString) => {
    if ((result.length === 0 || !options2.colonNotation) && isZero(value4) && !(options2.colonNotation && short === "m")) {
      return;
    }
    valueString ??= String(value4);
    if (options2.colonNotation) {
      const wholeDigits = valueString.includes(".") ? valueString.split(".")[0].length : valueString.length;
      const minLength = result.length > 0 ? 2 : 1;
      valueString = "0".repeat(Math.max(0, minLength - wholeDigits)) + valueString;
    } else {
      valueString += options2.verbose ? " " + pluralize(long2, value4) : short;
    }
    result.push(valueString);
  };
  const parsed = parseMilliseconds(milliseconds);
  const days = BigInt(parsed.days);
  if (options2.hideYearAndDays) {
    add2(BigInt(days) * 24n + BigInt(parsed.hours), "hour", "h");
  } else {
    if (options2.hideYear) {
      add2(days, "day", "d");
    } else {
      add2(days / 365n, "year", "y");
      add2(days % 365n, "day", "d");
    }
    add2(Number(parsed.hours), "hour", "h");
  }
  add2(Number(parsed.minutes), "minute", "m");
  if (!options2.hideSeconds) {
    if (options2.separateMilliseconds || options2.formatSubMilliseconds || !options2.colonNotation && milliseconds < 1e3 && !options2.subSecondsAsDecimals) {
      const seconds = Number(parsed.seconds);
      const milliseconds2 = Number(parsed.milliseconds);
      const microseconds = Number(parsed.microseconds);
      const nanoseconds = Number(parsed.nanoseconds);
      add2(seconds, "second", "s");
      if (options2.formatSubMilliseconds) {
        add2(milliseconds2, "millisecond", "ms");
        add2(microseconds, "microsecond", "\xB5s");
        add2(nanoseconds, "nanosecond", "ns");
      } else {
        const millisecondsAndBelow = milliseconds2 + microseconds / 1e3 + nanoseconds / 1e6;
        const millisecondsDecimalDigits = typeof options2.millisecondsDecimalDigits === "number" ? options2.millisecondsDecimalDigits : 0;
        const roundedMilliseconds = millisecondsAndBelow >= 1 ? Math.round(millisecondsAndBelow) : Math.ceil(millisecondsAndBelow);
        const maximumMilliseconds = 1e3 - 10 ** -millisecondsDecimalDigits;
        const millisecondsString = millisecondsDecimalDigits ? Math.min(millisecondsAndBelow, maximumMilliseconds).toFixed(millisecondsDecimalDigits) : Math.min(roundedMilliseconds, maximumMilliseconds);
        add2(
          Number.parseFloat(millisecondsString),
          "millisecond",
          "ms",
          millisecondsString
        );
      }
    } else {
      const seconds = (isBigInt ? Number(milliseconds % ONE_DAY_IN_MILLISECONDS) : milliseconds) / 1e3 % 60;
      const secondsDecimalDigits = typeof options2.secondsDecimalDigits === "number" ? options2.secondsDecimalDigits : 1;
      const secondsFixed = floorDecimals(seconds, secondsDecimalDigits);
      const secondsString = options2.keepDecimalsOnWholeSeconds ? secondsFixed : secondsFixed.replace(/\.0+$/, "");
      add2(Number.parseFloat(secondsString), "second", "s", secondsString);
    }
  }
  if (result.length === 0) {
    return sign + "0" + (options2.verbose ? " milliseconds" : "ms");
  }
  const separator = options2.colonNotation ? ":" : " ";
  if (typeof options2.unitCount === "number") {
    result = result.slice(0, Math.max(options2.unitCount, 1));
  }
  return sign + result.join(separator);
}

// node_modules/execa/lib/verbose/error.js
var logError = (result, verboseInfo) => {
  if (result.failed) {
    verboseLog({
      type: "error",
      verboseMessage: result.shortMessage,
      verboseInfo,
      result
    });
  }
};

// node_modules/execa/lib/verbose/complete.js
var logResult = (result, verboseInfo) => {
  if (!isVerbose(verboseInfo)) {
    return;
  }
  logError(result, verboseInfo);
  logDuration(result, verboseInfo);
};
var logDuration = (result, verboseInfo) => {
  const verboseMessage = `(done in ${prettyMilliseconds(result.durationMs)})`;
  verboseLog({
    type: "duration",
    verboseMessage,
    verboseInfo,
    result
  });
};

// node_modules/execa/lib/return/reject.js
var handleResult = (result, verboseInfo, { reject }) => {
  logResult(result, verboseInfo);
  if (result.failed && reject) {
    throw result;
  }
  return result;
};

// node_modules/execa/lib/stdio/handle-sync.js
import { readFileSync as readFileSync4 } from "node:fs";

// node_modules/execa/lib/stdio/type.js
var getStdioItemType = (value4, optionName) => {
  if (isAsyncGenerator(value4)) {
    return "asyncGenerator";
  }
  if (isSyncGenerator(value4)) {
    return "generator";
  }
  if (isUrl(value4)) {
    return "fileUrl";
  }
  if (isFilePathObject(value4)) {
    return "filePath";
  }
  if (isWebStream(value4)) {
    return "webStream";
  }
  if (isStream(value4, { checkOpen: false })) {
    return "native";
  }
  if (isUint8Array(value4)) {
    return "uint8Array";
  }
  if (isAsyncIterableObject(value4)) {
    return "asyncIterable";
  }
  if (isIterableObject(value4)) {
    return "iterable";
  }
  if (isTransformStream(value4)) {
    return getTransformStreamType({ transform: value4 }, optionName);
  }
  if (isTransformOptions(value4)) {
    return getTransformObjectType(value4, optionName);
  }
  return "native";
};
var getTransformObjectType = (value4, optionName) => {
  if (isDuplexStream(value4.transform, { checkOpen: false })) {
    return getDuplexType(value4, optionName);
  }
  if (isTransformStream(value4.transform)) {
    return getTransformStreamType(value4, optionName);
  }
  return getGeneratorObjectType(value4, optionName);
};
var getDuplexType = (value4, optionName) => {
  validateNonGeneratorType(value4, optionName, "Duplex stream");
  return "duplex";
};
var getTransformStreamType = (value4, optionName) => {
  validateNonGeneratorType(value4, optionName, "web TransformStream");
  return "webTransform";
};
var validateNonGeneratorType = ({ final, binary, objectMode }, optionName, typeName) => {
  checkUndefinedOption(final, `${optionName}.final`, typeName);
  checkUndefinedOption(binary, `${optionName}.binary`, typeName);
  checkBooleanOption(objectMode, `${optionName}.objectMode`);
};
var checkUndefinedOption = (value4, optionName, typeName) => {
  if (value4 !== void 0) {
    throw new TypeError(`The \`${optionName}\` option can only be defined when using a generator, not a ${typeName}.`);
  }
};
var getGeneratorObjectType = ({ transform, final, binary, objectMode }, optionName) => {
  if (transform !== void 0 && !isGenerator(transform)) {
    throw new TypeError(`The \`${optionName}.transform\` option must be a generator, a Duplex stream or a web TransformStream.`);
  }
  if (isDuplexStream(final, { checkOpen: false })) {
    throw new TypeError(`The \`${optionName}.final\` option must not be a Duplex stream.`);
  }
  if (isTransformStream(final)) {
    throw new TypeError(`The \`${optionName}.final\` option must not be a web TransformStream.`);
  }
  if (final !== void 0 && !isGenerator(final)) {
    throw new TypeError(`The \`${optionName}.final\` option must be a generator.`);
  }
  checkBooleanOption(binary, `${optionName}.binary`);
  checkBooleanOption(objectMode, `${optionName}.objectMode`);
  return isAsyncGenerator(transform) || isAsyncGenerator(final) ? "asyncGenerator" : "generator";
};
var checkBooleanOption = (value4, optionName) => {
  if (value4 !== void 0 && typeof value4 !== "boolean") {
    throw new TypeError(`The \`${optionName}\` option must use a boolean.`);
  }
};
var isGenerator = (value4) => isAsyncGenerator(value4) || isSyncGenerator(value4);
var isAsyncGenerator = (value4) => Object.prototype.toString.call(value4) === "[object AsyncGeneratorFunction]";
var isSyncGenerator = (value4) => Object.prototype.toString.call(value4) === "[object GeneratorFunction]";
var isTransformOptions = (value4) => isPlainObject(value4) && (value4.transform !== void 0 || value4.final !== void 0);
var isUrl = (value4) => Object.prototype.toString.call(value4) === "[object URL]";
var isRegularUrl = (value4) => isUrl(value4) && value4.protocol !== "file:";
var isFilePathObject = (value4) => isPlainObject(value4) && Object.keys(value4).length > 0 && Object.keys(value4).every((key) => FILE_PATH_KEYS.has(key)) && isFilePathString(value4.file);
var FILE_PATH_KEYS = /* @__PURE__ */ new Set(["file", "append"]);
var isFilePathString = (file) => typeof file === "string";
var isUnknownStdioString = (type, value4) => type === "native" && typeof value4 === "string" && !KNOWN_STDIO_STRINGS.has(value4);
var KNOWN_STDIO_STRINGS = /* @__PURE__ */ new Set(["ipc", "ignore", "inherit", "overlapped", "pipe"]);
var isReadableStream2 = (value4) => Object.prototype.toString.call(value4) === "[object ReadableStream]";
var isWritableStream2 = (value4) => Object.prototype.toString.call(value4) === "[object WritableStream]";
var isWebStream = (value4) => isReadableStream2(value4) || isWritableStream2(value4);
var isTransformStream = (value4) => isReadableStream2(value4?.readable) && isWritableStream2(value4?.writable);
var isAsyncIterableObject = (value4) => isObject2(value4) && typeof value4[Symbol.asyncIterator] === "function";
var isIterableObject = (value4) => isObject2(value4) && typeof value4[Symbol.iterator] === "function";
var isObject2 = (value4) => typeof value4 === "object" && value4 !== null;
var TRANSFORM_TYPES = /* @__PURE__ */ new Set(["generator", "asyncGenerator", "duplex", "webTransform"]);
var FILE_TYPES = /* @__PURE__ */ new Set(["fileUrl", "filePath", "fileNumber"]);
var SPECIAL_DUPLICATE_TYPES_SYNC = /* @__PURE__ */ new Set(["fileUrl", "filePath"]);
var SPECIAL_DUPLICATE_TYPES = /* @__PURE__ */ new Set([...SPECIAL_DUPLICATE_TYPES_SYNC, "webStream", "nodeStream"]);
var FORBID_DUPLICATE_TYPES = /* @__PURE__ */ new Set(["webTransform", "duplex"]);
var TYPE_TO_MESSAGE = {
  generator: "a generator",
  asyncGenerator: "an async generator",
  fileUrl: "a file URL",
  filePath: "a file path string",
  fileNumber: "a file descriptor number",
  webStream: "a web stream",
  nodeStream: "a Node.js stream",
  webTransform: "a web TransformStream",
  duplex: "a Duplex stream",
  native: "any value",
  iterable: "an iterable",
  asyncIterable: "an async iterable",
  string: "a string",
  uint8Array: "a Uint8Array"
};

// node_modules/execa/lib/transform/object-mode.js
var getTransformObjectModes = (objectMode, index, newTransforms, direction) => direction === "output" ? getOutputObjectModes(objectMode, index, newTransforms) : getInputObjectModes(objectMode, index, newTransforms);
var getOutputObjectModes = (objectMode, index, newTransforms) => {
  const writableObjectMode = index !== 0 && newTransforms[index - 1].value.readableObjectMode;
  const readableObjectMode = objectMode ?? writableObjectMode;
  return { writableObjectMode, readableObjectMode };
};
var getInputObjectModes = (objectMode, index, newTransforms) => {
  const writableObjectMode = index === 0 ? objectMode === true : newTransforms[index - 1].value.readableObjectMode;
  const readableObjectMode = index !== newTransforms.length - 1 && (objectMode ?? writableObjectMode);
  return { writableObjectMode, readableObjectMode };
};
var getFdObjectMode = (stdioItems, direction) => {
  const lastTransform = stdioItems.findLast(({ type }) => TRANSFORM_TYPES.has(type));
  if (lastTransform === void 0) {
    return false;
  }
  return direction === "input" ? lastTransform.value.writableObjectMode : lastTransform.value.readableObjectMode;
};

// node_modules/execa/lib/transform/normalize.js
var normalizeTransforms = (stdioItems, optionName, direction, options2) => [
  ...stdioItems.filter(({ type }) => !TRANSFORM_TYPES.has(type)),
  ...getTransforms(stdioItems, optionName, direction, options2)
];
var getTransforms = (stdioItems, optionName, direction, { encoding }) => {
  const transforms = stdioItems.filter(({ type }) => TRANSFORM_TYPES.has(type));
  const newTransforms = Array.from({ length: transforms.length });
  for (const [index, stdioItem] of Object.entries(transforms)) {
    newTransforms[index] = normalizeTransform({
      stdioItem,
      index: Number(index),
      newTransforms,
      optionName,
      direction,
      encoding
    });
  }
  return sortTransforms(newTransforms, direction);
};
var normalizeTransform = ({ stdioItem, stdioItem: { type }, index, newTransforms, optionName, direction, encoding }) => {
  if (type === "duplex") {
    return normalizeDuplex({ stdioItem, optionName });
  }
  if (type === "webTransform") {
    return normalizeTransformStream({
      stdioItem,
      index,
      newTransforms,
      direction
    });
  }
  return normalizeGenerator({
    stdioItem,
    index,
    newTransforms,
    direction,
    encoding
  });
};
var normalizeDuplex = ({
  stdioItem,
  stdioItem: {
    value: {
      transform,
      transform: { writableObjectMode, readableObjectMode },
      objectMode = readableObjectMode
    }
  },
  optionName
}) => {
  if (objectMode && !readableObjectMode) {
    throw new TypeError(`The \`${optionName}.objectMode\` option can only be \`true\` if \`new Duplex({objectMode: true})\` is used.`);
  }
  if (!objectMode && readableObjectMode) {
    throw new TypeError(`The \`${optionName}.objectMode\` option cannot be \`false\` if \`new Duplex({objectMode: true})\` is used.`);
  }
  return {
    ...stdioItem,
    value: { transform, writableObjectMode, readableObjectMode }
  };
};
var normalizeTransformStream = ({ stdioItem, stdioItem: { value: value4 }, index, newTransforms, direction }) => {
  const { transform, objectMode } = isPlainObject(value4) ? value4 : { transform: value4 };
  const { writableObjectMode, readableObjectMode } = getTransformObjectModes(objectMode, index, newTransforms, direction);
  return {
    ...stdioItem,
    value: { transform, writableObjectMode, readableObjectMode }
  };
};
var normalizeGenerator = ({ stdioItem, stdioItem: { value: value4 }, index, newTransforms, direction, encoding }) => {
  const {
    transform,
    final,
    binary: binaryOption = false,
    preserveNewlines = false,
    objectMode
  } = isPlainObject(value4) ? value4 : { transform: value4 };
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const { writableObjectMode, readableObjectMode } = getTransformObjectModes(objectMode, index, newTransforms, direction);
  return {
    ...stdioItem,
    value: {
      transform,
      final,
      binary,
      preserveNewlines,
      writableObjectMode,
      readableObjectMode
    }
  };
};
var sortTransforms = (newTransforms, direction) => direction === "input" ? newTransforms.reverse() : newTransforms;

// node_modules/execa/lib/stdio/direction.js
import process7 from "node:process";
var getStreamDirection = (stdioItems, fdNumber, optionName) => {
  const directions = stdioItems.map((stdioItem) => getStdioItemDirection(stdioItem, fdNumber));
  if (directions.includes("input") && directions.includes("output")) {
    throw new TypeError(`The \`${optionName}\` option must not be an array of both readable and writable values.`);
  }
  return directions.find(Boolean) ?? DEFAULT_DIRECTION;
};
var getStdioItemDirection = ({ type, value: value4 }, fdNumber) => KNOWN_DIRECTIONS[fdNumber] ?? guessStreamDirection[type](value4);
var KNOWN_DIRECTIONS = ["input", "output", "output"];
var anyDirection = () => void 0;
var alwaysInput = () => "input";
var guessStreamDirection = {
  generator: anyDirection,
  asyncGenerator: anyDirection,
  fileUrl: anyDirection,
  filePath: anyDirection,
  iterable: alwaysInput,
  asyncIterable: alwaysInput,
  uint8Array: alwaysInput,
  webStream: (value4) => isWritableStream2(value4) ? "output" : "input",
  nodeStream(value4) {
    if (!isReadableStream(value4, { checkOpen: false })) {
      return "output";
    }
    return isWritableStream(value4, { checkOpen: false }) ? void 0 : "input";
  },
  webTransform: anyDirection,
  duplex: anyDirection,
  native(value4) {
    const standardStreamDirection = getStandardStreamDirection(value4);
    if (standardStreamDirection !== void 0) {
      return standardStreamDirection;
    }
    if (isStream(value4, { checkOpen: false })) {
      return guessStreamDirection.nodeStream(value4);
    }
  }
};
var getStandardStreamDirection = (value4) => {
  if ([0, process7.stdin].includes(value4)) {
    return "input";
  }
  if ([1, 2, process7.stdout, process7.stderr].includes(value4)) {
    return "output";
  }
};
var DEFAULT_DIRECTION = "output";

// node_modules/execa/lib/ipc/array.js
var normalizeIpcStdioArray = (stdioArray, ipc) => ipc && !stdioArray.includes("ipc") ? [...stdioArray, "ipc"] : stdioArray;

// node_modules/execa/lib/stdio/stdio-option.js
var normalizeStdioOption = ({ stdio, ipc, buffer, ...options2 }, verboseInfo, isSync) => {
  const stdioArray = getStdioArray(stdio, options2).map((stdioOption, fdNumber) => addDefaultValue2(stdioOption, fdNumber));
  return isSync ? normalizeStdioSync(stdioArray, buffer, verboseInfo) : normalizeIpcStdioArray(stdioArray, ipc);
};
var getStdioArray = (stdio, options2) => {
  if (stdio === void 0) {
    return STANDARD_STREAMS_ALIASES.map((alias) => options2[alias]);
  }
  if (hasAlias(options2)) {
    throw new Error(`It's not possible to provide \`stdio\` in combination with one of ${STANDARD_STREAMS_ALIASES.map((alias) => `\`${alias}\``).join(", ")}`);
  }
  if (typeof stdio === "string") {
    return [stdio, stdio, stdio];
  }
  if (!Array.isArray(stdio)) {
    throw new TypeError(`Expected \`stdio\` to be of type \`string\` or \`Array\`, got \`${typeof stdio}\``);
  }
  const length = Math.max(stdio.length, STANDARD_STREAMS_ALIASES.length);
  return Array.from({ length }, (_, fdNumber) => stdio[fdNumber]);
};
var hasAlias = (options2) => STANDARD_STREAMS_ALIASES.some((alias) => options2[alias] !== void 0);
var addDefaultValue2 = (stdioOption, fdNumber) => {
  if (Array.isArray(stdioOption)) {
    return stdioOption.map((item) => addDefaultValue2(item, fdNumber));
  }
  if (stdioOption === null || stdioOption === void 0) {
    return fdNumber >= STANDARD_STREAMS_ALIASES.length ? "ignore" : "pipe";
  }
  return stdioOption;
};
var normalizeStdioSync = (stdioArray, buffer, verboseInfo) => stdioArray.map((stdioOption, fdNumber) => !buffer[fdNumber] && fdNumber !== 0 && !isFullVerbose(verboseInfo, fdNumber) && isOutputPipeOnly(stdioOption) ? "ignore" : stdioOption);
var isOutputPipeOnly = (stdioOption) => stdioOption === "pipe" || Array.isArray(stdioOption) && stdioOption.every((item) => item === "pipe");

// node_modules/execa/lib/stdio/native.js
import { readFileSync as readFileSync3 } from "node:fs";
import tty2 from "node:tty";
var handleNativeStream = ({ stdioItem, stdioItem: { type }, isStdioArray, fdNumber, direction, isSync }) => {
  if (!isStdioArray || type !== "native") {
    return stdioItem;
  }
  return isSync ? handleNativeStreamSync({ stdioItem, fdNumber, direction }) : handleNativeStreamAsync({ stdioItem, fdNumber });
};
var handleNativeStreamSync = ({ stdioItem, stdioItem: { value: value4, optionName }, fdNumber, direction }) => {
  const targetFd = getTargetFd({
    value: value4,
    optionName,
    fdNumber,
    direction
  });
  if (targetFd !== void 0) {
    return targetFd;
  }
  if (isStream(value4, { checkOpen: false })) {
    throw new TypeError(`The \`${optionName}: Stream\` option cannot both be an array and include a stream with synchronous methods.`);
  }
  return stdioItem;
};
var getTargetFd = ({ value: value4, optionName, fdNumber, direction }) => {
  const targetFdNumber = getTargetFdNumber(value4, fdNumber);
  if (targetFdNumber === void 0) {
    return;
  }
  if (direction === "output") {
    return { type: "fileNumber", value: targetFdNumber, optionName };
  }
  if (tty2.isatty(targetFdNumber)) {
    throw new TypeError(`The \`${optionName}: ${serializeOptionValue(value4)}\` option is invalid: it cannot be a TTY with synchronous methods.`);
  }
  return { type: "uint8Array", value: bufferToUint8Array(readFileSync3(targetFdNumber)), optionName };
};
var getTargetFdNumber = (value4, fdNumber) => {
  if (value4 === "inherit") {
    return fdNumber;
  }
  if (typeof value4 === "number") {
    return value4;
  }
  const standardStreamIndex = STANDARD_STREAMS.indexOf(value4);
  if (standardStreamIndex !== -1) {
    return standardStreamIndex;
  }
};
var handleNativeStreamAsync = ({ stdioItem, stdioItem: { value: value4, optionName }, fdNumber }) => {
  if (value4 === "inherit") {
    return { type: "nodeStream", value: getStandardStream(fdNumber, value4, optionName), optionName };
  }
  if (typeof value4 === "number") {
    return { type: "nodeStream", value: getStandardStream(value4, value4, optionName), optionName };
  }
  if (isStream(value4, { checkOpen: false })) {
    return { type: "nodeStream", value: value4, optionName };
  }
  return stdioItem;
};
var getStandardStream = (fdNumber, value4, optionName) => {
  const standardStream = STANDARD_STREAMS[fdNumber];
  if (standardStream === void 0) {
    throw new TypeError(`The \`${optionName}: ${value4}\` option is invalid: no such standard stream.`);
  }
  return standardStream;
};

// node_modules/execa/lib/stdio/input-option.js
var handleInputOptions = ({ input, inputFile }, fdNumber) => fdNumber === 0 ? [
  ...handleInputOption(input),
  ...handleInputFileOption(inputFile)
] : [];
var handleInputOption = (input) => input === void 0 ? [] : [{
  type: getInputType(input),
  value: input,
  optionName: "input"
}];
var getInputType = (input) => {
  if (isReadableStream(input, { checkOpen: false })) {
    return "nodeStream";
  }
  if (typeof input === "string") {
    return "string";
  }
  if (isUint8Array(input)) {
    return "uint8Array";
  }
  throw new Error("The `input` option must be a string, a Uint8Array or a Node.js Readable stream.");
};
var handleInputFileOption = (inputFile) => inputFile === void 0 ? [] : [{
  ...getInputFileType(inputFile),
  optionName: "inputFile"
}];
var getInputFileType = (inputFile) => {
  if (isUrl(inputFile)) {
    return { type: "fileUrl", value: inputFile };
  }
  if (isFilePathString(inputFile)) {
    return { type: "filePath", value: { file: inputFile } };
  }
  throw new Error("The `inputFile` option must be a file path string or a file URL.");
};

// node_modules/execa/lib/stdio/duplicate.js
var filterDuplicates = (stdioItems) => stdioItems.filter((stdioItemOne, indexOne) => stdioItems.every((stdioItemTwo, indexTwo) => stdioItemOne.value !== stdioItemTwo.value || indexOne >= indexTwo || stdioItemOne.type === "generator" || stdioItemOne.type === "asyncGenerator"));
var getDuplicateStream = ({ stdioItem: { type, value: value4, optionName }, direction, fileDescriptors, isSync }) => {
  const otherStdioItems = getOtherStdioItems(fileDescriptors, type);
  if (otherStdioItems.length === 0) {
    return;
  }
  if (isSync) {
    validateDuplicateStreamSync({
      otherStdioItems,
      type,
      value: value4,
      optionName,
      direction
    });
    return;
  }
  if (SPECIAL_DUPLICATE_TYPES.has(type)) {
    return getDuplicateStreamInstance({
      otherStdioItems,
      type,
      value: value4,
      optionName,
      direction
    });
  }
  if (FORBID_DUPLICATE_TYPES.has(type)) {
    validateDuplicateTransform({
      otherStdioItems,
      type,
      value: value4,
      optionName
    });
  }
};
var getOtherStdioItems = (fileDescriptors, type) => fileDescriptors.flatMap(({ direction, stdioItems }) => stdioItems.filter((stdioItem) => stdioItem.type === type).map(((stdioItem) => ({ ...stdioItem, direction }))));
var validateDuplicateStreamSync = ({ otherStdioItems, type, value: value4, optionName, direction }) => {
  if (SPECIAL_DUPLICATE_TYPES_SYNC.has(type)) {
    getDuplicateStreamInstance({
      otherStdioItems,
      type,
      value: value4,
      optionName,
      direction
    });
  }
};
var getDuplicateStreamInstance = ({ otherStdioItems, type, value: value4, optionName, direction }) => {
  const duplicateStdioItems = otherStdioItems.filter((stdioItem) => hasSameValue(stdioItem, value4));
  if (duplicateStdioItems.length === 0) {
    return;
  }
  const differentStdioItem = duplicateStdioItems.find((stdioItem) => stdioItem.direction !== direction);
  throwOnDuplicateStream(differentStdioItem, optionName, type);
  return direction === "output" ? duplicateStdioItems[0].stream : void 0;
};
var hasSameValue = ({ type, value: value4 }, secondValue) => {
  if (type === "filePath") {
    return value4.file === secondValue.file;
  }
  if (type === "fileUrl") {
    return value4.href === secondValue.href;
  }
  return value4 === secondValue;
};
var validateDuplicateTransform = ({ otherStdioItems, type, value: value4, optionName }) => {
  const duplicateStdioItem = otherStdioItems.find(({ value: { transform } }) => transform === value4.transform);
  throwOnDuplicateStream(duplicateStdioItem, optionName, type);
};
var throwOnDuplicateStream = (stdioItem, optionName, type) => {
  if (stdioItem !== void 0) {
    throw new TypeError(`The \`${stdioItem.optionName}\` and \`${optionName}\` options must not target ${TYPE_TO_MESSAGE[type]} that is the same.`);
  }
};

// node_modules/execa/lib/stdio/handle.js
var handleStdio = (addProperties3, options2, verboseInfo, isSync) => {
  const stdio = normalizeStdioOption(options2, verboseInfo, isSync);
  const initialFileDescriptors = stdio.map((stdioOption, fdNumber) => getFileDescriptor({
    stdioOption,
    fdNumber,
    options: options2,
    isSync
  }));
  const fileDescriptors = getFinalFileDescriptors({
    initialFileDescriptors,
    addProperties: addProperties3,
    options: options2,
    isSync
  });
  options2.stdio = fileDescriptors.map(({ stdioItems }) => forwardStdio(stdioItems));
  return fileDescriptors;
};
var getFileDescriptor = ({ stdioOption, fdNumber, options: options2, isSync }) => {
  const optionName = getStreamName(fdNumber);
  const { stdioItems: initialStdioItems, isStdioArray } = initializeStdioItems({
    stdioOption,
    fdNumber,
    options: options2,
    optionName
  });
  const direction = getStreamDirection(initialStdioItems, fdNumber, optionName);
  const stdioItems = initialStdioItems.map((stdioItem) => handleNativeStream({
    stdioItem,
    isStdioArray,
    fdNumber,
    direction,
    isSync
  }));
  const normalizedStdioItems = normalizeTransforms(stdioItems, optionName, direction, options2);
  const objectMode = getFdObjectMode(normalizedStdioItems, direction);
  validateFileObjectMode(normalizedStdioItems, objectMode);
  return { direction, objectMode, stdioItems: normalizedStdioItems };
};
var initializeStdioItems = ({ stdioOption, fdNumber, options: options2, optionName }) => {
  const values = Array.isArray(stdioOption) ? stdioOption : [stdioOption];
  const initialStdioItems = [
    ...values.map((value4) => initializeStdioItem(value4, optionName)),
    ...handleInputOptions(options2, fdNumber)
  ];
  const stdioItems = filterDuplicates(initialStdioItems);
  const isStdioArray = stdioItems.length > 1;
  validateStdioArray(stdioItems, isStdioArray, optionName);
  validateStreams(stdioItems);
  return { stdioItems, isStdioArray };
};
var initializeStdioItem = (value4, optionName) => ({
  type: getStdioItemType(value4, optionName),
  value: value4,
  optionName
});
var validateStdioArray = (stdioItems, isStdioArray, optionName) => {
  if (stdioItems.length === 0) {
    throw new TypeError(`The \`${optionName}\` option must not be an empty array.`);
  }
  if (!isStdioArray) {
    return;
  }
  for (const { value: value4, optionName: optionName2 } of stdioItems) {
    if (INVALID_STDIO_ARRAY_OPTIONS.has(value4)) {
      throw new Error(`The \`${optionName2}\` option must not include \`${value4}\`.`);
    }
  }
};
var INVALID_STDIO_ARRAY_OPTIONS = /* @__PURE__ */ new Set(["ignore", "ipc"]);
var validateStreams = (stdioItems) => {
  for (const stdioItem of stdioItems) {
    validateFileStdio(stdioItem);
  }
};
var validateFileStdio = ({ type, value: value4, optionName }) => {
  if (isRegularUrl(value4)) {
    throw new TypeError(`The \`${optionName}: URL\` option must use the \`file:\` scheme.
For example, you can use the \`pathToFileURL()\` method of the \`url\` core module.`);
  }
  if (isUnknownStdioString(type, value4)) {
    throw new TypeError(`The \`${optionName}: { file: '...' }\` option must be used instead of \`${optionName}: '...'\`.`);
  }
};
var validateFileObjectMode = (stdioItems, objectMode) => {
  if (!objectMode) {
    return;
  }
  const fileStdioItem = stdioItems.find(({ type }) => FILE_TYPES.has(type));
  if (fileStdioItem !== void 0) {
    throw new TypeError(`The \`${fileStdioItem.optionName}\` option cannot use both files and transforms in objectMode.`);
  }
};
var getFinalFileDescriptors = ({ initialFileDescriptors, addProperties: addProperties3, options: options2, isSync }) => {
  const fileDescriptors = [];
  try {
    for (const fileDescriptor of initialFileDescriptors) {
      fileDescriptors.push(getFinalFileDescriptor({
        fileDescriptor,
        fileDescriptors,
        addProperties: addProperties3,
        options: options2,
        isSync
      }));
    }
    return fileDescriptors;
  } catch (error) {
    cleanupCustomStreams(fileDescriptors);
    throw error;
  }
};
var getFinalFileDescriptor = ({
  fileDescriptor: { direction, objectMode, stdioItems },
  fileDescriptors,
  addProperties: addProperties3,
  options: options2,
  isSync
}) => {
  const finalStdioItems = stdioItems.map((stdioItem) => addStreamProperties({
    stdioItem,
    addProperties: addProperties3,
    direction,
    options: options2,
    fileDescriptors,
    isSync
  }));
  return { direction, objectMode, stdioItems: finalStdioItems };
};
var addStreamProperties = ({ stdioItem, addProperties: addProperties3, direction, options: options2, fileDescriptors, isSync }) => {
  const duplicateStream = getDuplicateStream({
    stdioItem,
    direction,
    fileDescriptors,
    isSync
  });
  if (duplicateStream !== void 0) {
    return { ...stdioItem, stream: duplicateStream };
  }
  return {
    ...stdioItem,
    ...addProperties3[direction][stdioItem.type](stdioItem, options2)
  };
};
var cleanupCustomStreams = (fileDescriptors) => {
  for (const { stdioItems } of fileDescriptors) {
    for (const { stream } of stdioItems) {
      if (stream !== void 0 && !isStandardStream(stream)) {
        stream.destroy();
      }
    }
  }
};
var forwardStdio = (stdioItems) => {
  if (stdioItems.length > 1) {
    return stdioItems.some(({ value: value5 }) => value5 === "overlapped") ? "overlapped" : "pipe";
  }
  const [{ type, value: value4 }] = stdioItems;
  return type === "native" ? value4 : "pipe";
};

// node_modules/execa/lib/stdio/handle-sync.js
var handleStdioSync = (options2, verboseInfo) => handleStdio(addPropertiesSync, options2, verboseInfo, true);
var forbiddenIfSync = ({ type, optionName }) => {
  throwInvalidSyncValue(optionName, TYPE_TO_MESSAGE[type]);
};
var forbiddenNativeIfSync = ({ optionName, value: value4 }) => {
  if (value4 === "ipc" || value4 === "overlapped") {
    throwInvalidSyncValue(optionName, `"${value4}"`);
  }
  return {};
};
var throwInvalidSyncValue = (optionName, value4) => {
  throw new TypeError(`The \`${optionName}\` option cannot be ${value4} with synchronous methods.`);
};
var addProperties = {
  generator() {
  },
  asyncGenerator: forbiddenIfSync,
  webStream: forbiddenIfSync,
  nodeStream: forbiddenIfSync,
  webTransform: forbiddenIfSync,
  duplex: forbiddenIfSync,
  asyncIterable: forbiddenIfSync,
  native: forbiddenNativeIfSync
};
var addPropertiesSync = {
  input: {
    ...addProperties,
    fileUrl: ({ value: value4 }) => ({ contents: [bufferToUint8Array(readFileSync4(value4))] }),
    filePath: ({ value: { file } }) => ({ contents: [bufferToUint8Array(readFileSync4(file))] }),
    fileNumber: forbiddenIfSync,
    iterable: ({ value: value4 }) => ({ contents: [...value4] }),
    string: ({ value: value4 }) => ({ contents: [value4] }),
    uint8Array: ({ value: value4 }) => ({ contents: [value4] })
  },
  output: {
    ...addProperties,
    fileUrl: ({ value: value4 }) => ({ path: value4 }),
    filePath: ({ value: { file, append } }) => ({ path: file, append }),
    fileNumber: ({ value: value4 }) => ({ path: value4 }),
    iterable: forbiddenIfSync,
    string: forbiddenIfSync,
    uint8Array: forbiddenIfSync
  }
};

// node_modules/execa/lib/io/strip-newline.js
var stripNewline = (value4, { stripFinalNewline: stripFinalNewline2 }, fdNumber) => getStripFinalNewline(stripFinalNewline2, fdNumber) && value4 !== void 0 && !Array.isArray(value4) ? stripFinalNewline(value4) : value4;
var getStripFinalNewline = (stripFinalNewline2, fdNumber) => fdNumber === "all" ? stripFinalNewline2[1] || stripFinalNewline2[2] : stripFinalNewline2[fdNumber];

// node_modules/execa/lib/transform/generator.js
import { Transform, getDefaultHighWaterMark } from "node:stream";

// node_modules/execa/lib/transform/split.js
var getSplitLinesGenerator = (binary, preserveNewlines, skipped, state) => binary || skipped ? void 0 : initializeSplitLines(preserveNewlines, state);
var splitLinesSync = (chunk, preserveNewlines, objectMode) => objectMode ? chunk.flatMap((item) => splitLinesItemSync(item, preserveNewlines)) : splitLinesItemSync(chunk, preserveNewlines);
var splitLinesItemSync = (chunk, preserveNewlines) => {
  const { transform, final } = initializeSplitLines(preserveNewlines, {});
  return [...transform(chunk), ...final()];
};
var initializeSplitLines = (preserveNewlines, state) => {
  state.previousChunks = "";
  return {
    transform: splitGenerator.bind(void 0, state, preserveNewlines),
    final: linesFinal.bind(void 0, state)
  };
};
var splitGenerator = function* (state, preserveNewlines, chunk) {
  if (typeof chunk !== "string") {
    yield chunk;
    return;
  }
  let { previousChunks } = state;
  let start = -1;
  for (let end = 0; end < chunk.length; end += 1) {
    if (chunk[end] === "\n") {
      const newlineLength = getNewlineLength(chunk, end, preserveNewlines, state);
      let line = chunk.slice(start + 1, end + 1 - newlineLength);
      if (previousChunks.length > 0) {
        line = concatString(previousChunks, line);
        previousChunks = "";
      }
      yield line;
      start = end;
    }
  }
  if (start !== chunk.length - 1) {
    previousChunks = concatString(previousChunks, chunk.slice(start + 1));
  }
  state.previousChunks = previousChunks;
};
var getNewlineLength = (chunk, end, preserveNewlines, state) => {
  if (preserveNewlines) {
    return 0;
  }
  state.isWindowsNewline = end !== 0 && chunk[end - 1] === "\r";
  return state.isWindowsNewline ? 2 : 1;
};
var linesFinal = function* ({ previousChunks }) {
  if (previousChunks.length > 0) {
    yield previousChunks;
  }
};
var getAppendNewlineGenerator = ({ binary, preserveNewlines, readableObjectMode, state }) => binary || preserveNewlines || readableObjectMode ? void 0 : { transform: appendNewlineGenerator.bind(void 0, state) };
var appendNewlineGenerator = function* ({ isWindowsNewline = false }, chunk) {
  const { unixNewline, windowsNewline, LF: LF2, concatBytes } = typeof chunk === "string" ? linesStringInfo : linesUint8ArrayInfo;
  if (chunk.at(-1) === LF2) {
    yield chunk;
    return;
  }
  const newline = isWindowsNewline ? windowsNewline : unixNewline;
  yield concatBytes(chunk, newline);
};
var concatString = (firstChunk, secondChunk) => `${firstChunk}${secondChunk}`;
var linesStringInfo = {
  windowsNewline: "\r\n",
  unixNewline: "\n",
  LF: "\n",
  concatBytes: concatString
};
var concatUint8Array = (firstChunk, secondChunk) => {
  const chunk = new Uint8Array(firstChunk.length + secondChunk.length);
  chunk.set(firstChunk, 0);
  chunk.set(secondChunk, firstChunk.length);
  return chunk;
};
var linesUint8ArrayInfo = {
  windowsNewline: new Uint8Array([13, 10]),
  unixNewline: new Uint8Array([10]),
  LF: 10,
  concatBytes: concatUint8Array
};

// node_modules/execa/lib/transform/validate.js
import { Buffer as Buffer2 } from "node:buffer";
var getValidateTransformInput = (writableObjectMode, optionName) => writableObjectMode ? void 0 : validateStringTransformInput.bind(void 0, optionName);
var validateStringTransformInput = function* (optionName, chunk) {
  if (typeof chunk !== "string" && !isUint8Array(chunk) && !Buffer2.isBuffer(chunk)) {
    throw new TypeError(`The \`${optionName}\` option's transform must use "objectMode: true" to receive as input: ${typeof chunk}.`);
  }
  yield chunk;
};
var getValidateTransformReturn = (readableObjectMode, optionName) => readableObjectMode ? validateObjectTransformReturn.bind(void 0, optionName) : validateStringTransformReturn.bind(void 0, optionName);
var validateObjectTransformReturn = function* (optionName, chunk) {
  validateEmptyReturn(optionName, chunk);
  yield chunk;
};
var validateStringTransformReturn = function* (optionName, chunk) {
  validateEmptyReturn(optionName, chunk);
  if (typeof chunk !== "string" && !isUint8Array(chunk)) {
    throw new TypeError(`The \`${optionName}\` option's function must yield a string or an Uint8Array, not ${typeof chunk}.`);
  }
  yield chunk;
};
var validateEmptyReturn = (optionName, chunk) => {
  if (chunk === null || chunk === void 0) {
    throw new TypeError(`The \`${optionName}\` option's function must not call \`yield ${chunk}\`.
Instead, \`yield\` should either be called with a value, or not be called at all. For example:
  if (condition) { yield value; }`);
  }
};

// node_modules/execa/lib/transform/encoding-transform.js
import { Buffer as Buffer3 } from "node:buffer";
import { StringDecoder as StringDecoder2 } from "node:string_decoder";
var getEncodingTransformGenerator = (binary, encoding, skipped) => {
  if (skipped) {
    return;
  }
  if (binary) {
    return { transform: encodingUint8ArrayGenerator.bind(void 0, new TextEncoder()) };
  }
  const stringDecoder = new StringDecoder2(encoding);
  return {
    transform: encodingStringGenerator.bind(void 0, stringDecoder),
    final: encodingStringFinal.bind(void 0, stringDecoder)
  };
};
var encodingUint8ArrayGenerator = function* (textEncoder3, chunk) {
  if (Buffer3.isBuffer(chunk)) {
    yield bufferToUint8Array(chunk);
  } else if (typeof chunk === "string") {
    yield textEncoder3.encode(chunk);
  } else {
    yield chunk;
  }
};
var encodingStringGenerator = function* (stringDecoder, chunk) {
  yield isUint8Array(chunk) ? stringDecoder.write(chunk) : chunk;
};
var encodingStringFinal = function* (stringDecoder) {
  const lastChunk = stringDecoder.end();
  if (lastChunk !== "") {
    yield lastChunk;
  }
};

// node_modules/execa/lib/transform/run-async.js
import { callbackify } from "node:util";
var pushChunks = callbackify(async (getChunks, state, getChunksArguments, transformStream) => {
  state.currentIterable = getChunks(...getChunksArguments);
  try {
    for await (const chunk of state.currentIterable) {
      transformStream.push(chunk);
    }
  } finally {
    delete state.currentIterable;
  }
});
var transformChunk = async function* (chunk, generators, index) {
  if (index === generators.length) {
    yield chunk;
    return;
  }
  const { transform = identityGenerator } = generators[index];
  for await (const transformedChunk of transform(chunk)) {
    yield* transformChunk(transformedChunk, generators, index + 1);
  }
};
var finalChunks = async function* (generators) {
  for (const [index, { final }] of Object.entries(generators)) {
    yield* generatorFinalChunks(final, Number(index), generators);
  }
};
var generatorFinalChunks = async function* (final, index, generators) {
  if (final === void 0) {
    return;
  }
  for await (const finalChunk of final()) {
    yield* transformChunk(finalChunk, generators, index + 1);
  }
};
var destroyTransform = callbackify(async ({ currentIterable }, error) => {
  if (currentIterable !== void 0) {
    await (error ? currentIterable.throw(error) : currentIterable.return());
    return;
  }
  if (error) {
    throw error;
  }
});
var identityGenerator = function* (chunk) {
  yield chunk;
};

// node_modules/execa/lib/transform/run-sync.js
var pushChunksSync = (getChunksSync, getChunksArguments, transformStream, done) => {
  try {
    for (const chunk of getChunksSync(...getChunksArguments)) {
      transformStream.push(chunk);
    }
    done();
  } catch (error) {
    done(error);
  }
};
var runTransformSync = (generators, chunks) => [
  ...chunks.flatMap((chunk) => [...transformChunkSync(chunk, generators, 0)]),
  ...finalChunksSync(generators)
];
var transformChunkSync = function* (chunk, generators, index) {
  if (index === generators.length) {
    yield chunk;
    return;
  }
  const { transform = identityGenerator2 } = generators[index];
  for (const transformedChunk of transform(chunk)) {
    yield* transformChunkSync(transformedChunk, generators, index + 1);
  }
};
var finalChunksSync = function* (generators) {
  for (const [index, { final }] of Object.entries(generators)) {
    yield* generatorFinalChunksSync(final, Number(index), generators);
  }
};
var generatorFinalChunksSync = function* (final, index, generators) {
  if (final === void 0) {
    return;
  }
  for (const finalChunk of final()) {
    yield* transformChunkSync(finalChunk, generators, index + 1);
  }
};
var identityGenerator2 = function* (chunk) {
  yield chunk;
};

// node_modules/execa/lib/transform/generator.js
var generatorToStream = ({
  value: value4,
  value: { transform, final, writableObjectMode, readableObjectMode },
  optionName
}, { encoding }) => {
  const state = {};
  const generators = addInternalGenerators(value4, encoding, optionName);
  const transformAsync = isAsyncGenerator(transform);
  const finalAsync = isAsyncGenerator(final);
  const transformMethod = transformAsync ? pushChunks.bind(void 0, transformChunk, state) : pushChunksSync.bind(void 0, transformChunkSync);
  const finalMethod = transformAsync || finalAsync ? pushChunks.bind(void 0, finalChunks, state) : pushChunksSync.bind(void 0, finalChunksSync);
  const destroyMethod = transformAsync || finalAsync ? destroyTransform.bind(void 0, state) : void 0;
  const stream = new Transform({
    writableObjectMode,
    writableHighWaterMark: getDefaultHighWaterMark(writableObjectMode),
    readableObjectMode,
    readableHighWaterMark: getDefaultHighWaterMark(readableObjectMode),
    transform(chunk, encoding2, done) {
      transformMethod([chunk, generators, 0], this, done);
    },
    flush(done) {
      finalMethod([generators], this, done);
    },
    destroy: destroyMethod
  });
  return { stream };
};
var runGeneratorsSync = (chunks, stdioItems, encoding, isInput) => {
  const generators = stdioItems.filter(({ type }) => type === "generator");
  const reversedGenerators = isInput ? generators.reverse() : generators;
  for (const { value: value4, optionName } of reversedGenerators) {
    const generators2 = addInternalGenerators(value4, encoding, optionName);
    chunks = runTransformSync(generators2, chunks);
  }
  return chunks;
};
var addInternalGenerators = ({ transform, final, binary, writableObjectMode, readableObjectMode, preserveNewlines }, encoding, optionName) => {
  const state = {};
  return [
    { transform: getValidateTransformInput(writableObjectMode, optionName) },
    getEncodingTransformGenerator(binary, encoding, writableObjectMode),
    getSplitLinesGenerator(binary, preserveNewlines, writableObjectMode, state),
    { transform, final },
    { transform: getValidateTransformReturn(readableObjectMode, optionName) },
    getAppendNewlineGenerator({
      binary,
      preserveNewlines,
      readableObjectMode,
      state
    })
  ].filter(Boolean);
};

// node_modules/execa/lib/io/input-sync.js
var addInputOptionsSync = (fileDescriptors, options2) => {
  for (const fdNumber of getInputFdNumbers(fileDescriptors)) {
    addInputOptionSync(fileDescriptors, fdNumber, options2);
  }
};
var getInputFdNumbers = (fileDescriptors) => new Set(Object.entries(fileDescriptors).filter(([, { direction }]) => direction === "input").map(([fdNumber]) => Number(fdNumber)));
var addInputOptionSync = (fileDescriptors, fdNumber, options2) => {
  const { stdioItems } = fileDescriptors[fdNumber];
  const allStdioItems = stdioItems.filter(({ contents }) => contents !== void 0);
  if (allStdioItems.length === 0) {
    return;
  }
  if (fdNumber !== 0) {
    const [{ type, optionName }] = allStdioItems;
    throw new TypeError(`Only the \`stdin\` option, not \`${optionName}\`, can be ${TYPE_TO_MESSAGE[type]} with synchronous methods.`);
  }
  const allContents = allStdioItems.map(({ contents }) => contents);
  const transformedContents = allContents.map((contents) => applySingleInputGeneratorsSync(contents, stdioItems));
  options2.input = joinToUint8Array(transformedContents);
};
var applySingleInputGeneratorsSync = (contents, stdioItems) => {
  const newContents = runGeneratorsSync(contents, stdioItems, "utf8", true);
  validateSerializable(newContents);
  return joinToUint8Array(newContents);
};
var validateSerializable = (newContents) => {
  const invalidItem = newContents.find((item) => typeof item !== "string" && !isUint8Array(item));
  if (invalidItem !== void 0) {
    throw new TypeError(`The \`stdin\` option is invalid: when passing objects as input, a transform must be used to serialize them to strings or Uint8Arrays: ${invalidItem}.`);
  }
};

// node_modules/execa/lib/io/output-sync.js
import { writeFileSync as writeFileSync4, appendFileSync } from "node:fs";

// node_modules/execa/lib/verbose/output.js
var shouldLogOutput = ({ stdioItems, encoding, verboseInfo, fdNumber }) => fdNumber !== "all" && isFullVerbose(verboseInfo, fdNumber) && !BINARY_ENCODINGS.has(encoding) && fdUsesVerbose(fdNumber) && (stdioItems.some(({ type, value: value4 }) => type === "native" && PIPED_STDIO_VALUES.has(value4)) || stdioItems.every(({ type }) => TRANSFORM_TYPES.has(type)));
var fdUsesVerbose = (fdNumber) => fdNumber === 1 || fdNumber === 2;
var PIPED_STDIO_VALUES = /* @__PURE__ */ new Set(["pipe", "overlapped"]);
var logLines = async (linesIterable, stream, fdNumber, verboseInfo) => {
  for await (const line of linesIterable) {
    if (!isPipingStream(stream)) {
      logLine(line, fdNumber, verboseInfo);
    }
  }
};
var logLinesSync = (linesArray, fdNumber, verboseInfo) => {
  for (const line of linesArray) {
    logLine(line, fdNumber, verboseInfo);
  }
};
var isPipingStream = (stream) => stream._readableState.pipes.length > 0;
var logLine = (line, fdNumber, verboseInfo) => {
  const verboseMessage = serializeVerboseMessage(line);
  verboseLog({
    type: "output",
    verboseMessage,
    fdNumber,
    verboseInfo
  });
};

// node_modules/execa/lib/io/output-sync.js
var transformOutputSync = ({ fileDescriptors, syncResult: { output }, options: options2, isMaxBuffer, verboseInfo }) => {
  if (output === null) {
    return { output: Array.from({ length: 3 }) };
  }
  const state = {};
  const outputFiles = /* @__PURE__ */ new Set([]);
  const transformedOutput = output.map((result, fdNumber) => transformOutputResultSync({
    result,
    fileDescriptors,
    fdNumber,
    state,
    outputFiles,
    isMaxBuffer,
    verboseInfo
  }, options2));
  return { output: transformedOutput, ...state };
};
var transformOutputResultSync = ({ result, fileDescriptors, fdNumber, state, outputFiles, isMaxBuffer, verboseInfo }, { buffer, encoding, lines, stripFinalNewline: stripFinalNewline2, maxBuffer }) => {
  if (result === null) {
    return;
  }
  const truncatedResult = truncateMaxBufferSync(result, isMaxBuffer, maxBuffer);
  const uint8ArrayResult = bufferToUint8Array(truncatedResult);
  const { stdioItems, objectMode } = fileDescriptors[fdNumber];
  const chunks = runOutputGeneratorsSync([uint8ArrayResult], stdioItems, encoding, state);
  const { serializedResult, finalResult = serializedResult } = serializeChunks({
    chunks,
    objectMode,
    encoding,
    lines,
    stripFinalNewline: stripFinalNewline2,
    fdNumber
  });
  logOutputSync({
    serializedResult,
    fdNumber,
    state,
    verboseInfo,
    encoding,
    stdioItems,
    objectMode
  });
  const returnedResult = buffer[fdNumber] ? finalResult : void 0;
  try {
    if (state.error === void 0) {
      writeToFiles(serializedResult, stdioItems, outputFiles);
    }
    return returnedResult;
  } catch (error) {
    state.error = error;
    return returnedResult;
  }
};
var runOutputGeneratorsSync = (chunks, stdioItems, encoding, state) => {
  try {
    return runGeneratorsSync(chunks, stdioItems, encoding, false);
  } catch (error) {
    state.error = error;
    return chunks;
  }
};
var serializeChunks = ({ chunks, objectMode, encoding, lines, stripFinalNewline: stripFinalNewline2, fdNumber }) => {
  if (objectMode) {
    return { serializedResult: chunks };
  }
  if (encoding === "buffer") {
    return { serializedResult: joinToUint8Array(chunks) };
  }
  const serializedResult = joinToString(chunks, encoding);
  if (lines[fdNumber]) {
    return { serializedResult, finalResult: splitLinesSync(serializedResult, !stripFinalNewline2[fdNumber], objectMode) };
  }
  return { serializedResult };
};
var logOutputSync = ({ serializedResult, fdNumber, state, verboseInfo, encoding, stdioItems, objectMode }) => {
  if (!shouldLogOutput({
    stdioItems,
    encoding,
    verboseInfo,
    fdNumber
  })) {
    return;
  }
  const linesArray = splitLinesSync(serializedResult, false, objectMode);
  try {
    logLinesSync(linesArray, fdNumber, verboseInfo);
  } catch (error) {
    state.error ??= error;
  }
};
var writeToFiles = (serializedResult, stdioItems, outputFiles) => {
  for (const { path: path6, append } of stdioItems.filter(({ type }) => FILE_TYPES.has(type))) {
    const pathString = typeof path6 === "string" ? path6 : path6.toString();
    if (append || outputFiles.has(pathString)) {
      appendFileSync(path6, serializedResult);
    } else {
      outputFiles.add(pathString);
      writeFileSync4(path6, serializedResult);
    }
  }
};

// node_modules/execa/lib/resolve/all-sync.js
var getAllSync = ([, stdout, stderr], options2) => {
  if (!options2.all) {
    return;
  }
  if (stdout === void 0) {
    return stderr;
  }
  if (stderr === void 0) {
    return stdout;
  }
  if (Array.isArray(stdout)) {
    return Array.isArray(stderr) ? [...stdout, ...stderr] : [...stdout, stripNewline(stderr, options2, "all")];
  }
  if (Array.isArray(stderr)) {
    return [stripNewline(stdout, options2, "all"), ...stderr];
  }
  if (isUint8Array(stdout) && isUint8Array(stderr)) {
    return concatUint8Arrays([stdout, stderr]);
  }
  return `${stdout}${stderr}`;
};

// node_modules/execa/lib/resolve/exit-async.js
import { once as once4 } from "node:events";
var waitForExit = async (subprocess, context2) => {
  const [exitCode, signal] = await waitForExitOrError(subprocess);
  context2.isForcefullyTerminated ??= false;
  return [exitCode, signal];
};
var waitForExitOrError = async (subprocess) => {
  const [spawnPayload, exitPayload] = await Promise.allSettled([
    once4(subprocess, "spawn"),
    once4(subprocess, "exit")
  ]);
  if (spawnPayload.status === "rejected") {
    return [];
  }
  return exitPayload.status === "rejected" ? waitForSubprocessExit(subprocess) : exitPayload.value;
};
var waitForSubprocessExit = async (subprocess) => {
  try {
    return await once4(subprocess, "exit");
  } catch {
    return waitForSubprocessExit(subprocess);
  }
};
var waitForSuccessfulExit = async (exitPromise) => {
  const [exitCode, signal] = await exitPromise;
  if (!isSubprocessErrorExit(exitCode, signal) && isFailedExit(exitCode, signal)) {
    throw new DiscardedError();
  }
  return [exitCode, signal];
};
var isSubprocessErrorExit = (exitCode, signal) => exitCode === void 0 && signal === void 0;
var isFailedExit = (exitCode, signal) => exitCode !== 0 || signal !== null;

// node_modules/execa/lib/resolve/exit-sync.js
var getExitResultSync = ({ error, status: exitCode, signal, output }, { maxBuffer }) => {
  const resultError = getResultError(error, exitCode, signal);
  const timedOut = resultError?.code === "ETIMEDOUT";
  const isMaxBuffer = isMaxBufferSync(resultError, output, maxBuffer);
  return {
    resultError,
    exitCode,
    signal,
    timedOut,
    isMaxBuffer
  };
};
var getResultError = (error, exitCode, signal) => {
  if (error !== void 0) {
    return error;
  }
  return isFailedExit(exitCode, signal) ? new DiscardedError() : void 0;
};

// node_modules/execa/lib/methods/main-sync.js
var execaCoreSync = (rawFile, rawArguments, rawOptions) => {
  const { file, commandArguments, command, escapedCommand, startTime, verboseInfo, options: options2, fileDescriptors } = handleSyncArguments(rawFile, rawArguments, rawOptions);
  const result = spawnSubprocessSync({
    file,
    commandArguments,
    options: options2,
    command,
    escapedCommand,
    verboseInfo,
    fileDescriptors,
    startTime
  });
  return handleResult(result, verboseInfo, options2);
};
var handleSyncArguments = (rawFile, rawArguments, rawOptions) => {
  const { command, escapedCommand, startTime, verboseInfo } = handleCommand(rawFile, rawArguments, rawOptions);
  const syncOptions = normalizeSyncOptions(rawOptions);
  const { file, commandArguments, options: options2 } = normalizeOptions(rawFile, rawArguments, syncOptions);
  validateSyncOptions(options2);
  const fileDescriptors = handleStdioSync(options2, verboseInfo);
  return {
    file,
    commandArguments,
    command,
    escapedCommand,
    startTime,
    verboseInfo,
    options: options2,
    fileDescriptors
  };
};
var normalizeSyncOptions = (options2) => options2.node && !options2.ipc ? { ...options2, ipc: false } : options2;
var validateSyncOptions = ({ ipc, ipcInput, detached, cancelSignal }) => {
  if (ipcInput) {
    throwInvalidSyncOption("ipcInput");
  }
  if (ipc) {
    throwInvalidSyncOption("ipc: true");
  }
  if (detached) {
    throwInvalidSyncOption("detached: true");
  }
  if (cancelSignal) {
    throwInvalidSyncOption("cancelSignal");
  }
};
var throwInvalidSyncOption = (value4) => {
  throw new TypeError(`The "${value4}" option cannot be used with synchronous methods.`);
};
var spawnSubprocessSync = ({ file, commandArguments, options: options2, command, escapedCommand, verboseInfo, fileDescriptors, startTime }) => {
  const syncResult = runSubprocessSync({
    file,
    commandArguments,
    options: options2,
    command,
    escapedCommand,
    fileDescriptors,
    startTime
  });
  if (syncResult.failed) {
    return syncResult;
  }
  const { resultError, exitCode, signal, timedOut, isMaxBuffer } = getExitResultSync(syncResult, options2);
  const { output, error = resultError } = transformOutputSync({
    fileDescriptors,
    syncResult,
    options: options2,
    isMaxBuffer,
    verboseInfo
  });
  const stdio = output.map((stdioOutput, fdNumber) => stripNewline(stdioOutput, options2, fdNumber));
  const all = stripNewline(getAllSync(output, options2), options2, "all");
  return getSyncResult({
    error,
    exitCode,
    signal,
    timedOut,
    isMaxBuffer,
    stdio,
    all,
    options: options2,
    command,
    escapedCommand,
    startTime
  });
};
var runSubprocessSync = ({ file, commandArguments, options: options2, command, escapedCommand, fileDescriptors, startTime }) => {
  try {
    addInputOptionsSync(fileDescriptors, options2);
    const normalizedOptions = normalizeSpawnSyncOptions(options2);
    return spawnSync(...concatenateShell(file, commandArguments, normalizedOptions));
  } catch (error) {
    return makeEarlyError({
      error,
      command,
      escapedCommand,
      fileDescriptors,
      options: options2,
      startTime,
      isSync: true
    });
  }
};
var normalizeSpawnSyncOptions = ({ encoding, maxBuffer, ...options2 }) => ({ ...options2, encoding: "buffer", maxBuffer: getMaxBufferSync(maxBuffer) });
var getSyncResult = ({ error, exitCode, signal, timedOut, isMaxBuffer, stdio, all, options: options2, command, escapedCommand, startTime }) => error === void 0 ? makeSuccessResult({
  command,
  escapedCommand,
  stdio,
  all,
  ipcOutput: [],
  options: options2,
  startTime
}) : makeError({
  error,
  command,
  escapedCommand,
  timedOut,
  isCanceled: false,
  isGracefullyCanceled: false,
  isMaxBuffer,
  isForcefullyTerminated: false,
  exitCode,
  signal,
  stdio,
  all,
  ipcOutput: [],
  options: options2,
  startTime,
  isSync: true
});

// node_modules/execa/lib/methods/main-async.js
import { setMaxListeners } from "node:events";
import { spawn } from "node:child_process";

// node_modules/execa/lib/ipc/methods.js
import process8 from "node:process";

// node_modules/execa/lib/ipc/get-one.js
import { once as once5, on as on2 } from "node:events";
var getOneMessage = ({ anyProcess, channel, isSubprocess, ipc }, { reference = true, filter } = {}) => {
  validateIpcMethod({
    methodName: "getOneMessage",
    isSubprocess,
    ipc,
    isConnected: isConnected(anyProcess)
  });
  return getOneMessageAsync({
    anyProcess,
    channel,
    isSubprocess,
    filter,
    reference
  });
};
var getOneMessageAsync = async ({ anyProcess, channel, isSubprocess, filter, reference }) => {
  addReference(channel, reference);
  const ipcEmitter = getIpcEmitter(anyProcess, channel, isSubprocess);
  const controller2 = new AbortController();
  try {
    return await Promise.race([
      getMessage(ipcEmitter, filter, controller2),
      throwOnDisconnect2(ipcEmitter, isSubprocess, controller2),
      throwOnStrictError(ipcEmitter, isSubprocess, controller2)
    ]);
  } catch (error) {
    disconnect(anyProcess);
    throw error;
  } finally {
    controller2.abort();
    removeReference(channel, reference);
  }
};
var getMessage = async (ipcEmitter, filter, { signal }) => {
  if (filter === void 0) {
    const [message] = await once5(ipcEmitter, "message", { signal });
    return message;
  }
  for await (const [message] of on2(ipcEmitter, "message", { signal })) {
    if (filter(message)) {
      return message;
    }
  }
};
var throwOnDisconnect2 = async (ipcEmitter, isSubprocess, { signal }) => {
  await once5(ipcEmitter, "disconnect", { signal });
  throwOnEarlyDisconnect(isSubprocess);
};
var throwOnStrictError = async (ipcEmitter, isSubprocess, { signal }) => {
  const [error] = await once5(ipcEmitter, "strict:error", { signal });
  throw getStrictResponseError(error, isSubprocess);
};

// node_modules/execa/lib/ipc/get-each.js
import { once as once6, on as on3 } from "node:events";
var getEachMessage = ({ anyProcess, channel, isSubprocess, ipc }, { reference = true } = {}) => loopOnMessages({
  anyProcess,
  channel,
  isSubprocess,
  ipc,
  shouldAwait: !isSubprocess,
  reference
});
var loopOnMessages = ({ anyProcess, channel, isSubprocess, ipc, shouldAwait, reference }) => {
  validateIpcMethod({
    methodName: "getEachMessage",
    isSubprocess,
    ipc,
    isConnected: isConnected(anyProcess)
  });
  addReference(channel, reference);
  const ipcEmitter = getIpcEmitter(anyProcess, channel, isSubprocess);
  const controller2 = new AbortController();
  const state = {};
  stopOnDisconnect(anyProcess, ipcEmitter, controller2);
  abortOnStrictError({
    ipcEmitter,
    isSubprocess,
    controller: controller2,
    state
  });
  return iterateOnMessages({
    anyProcess,
    channel,
    ipcEmitter,
    isSubprocess,
    shouldAwait,
    controller: controller2,
    state,
    reference
  });
};
var stopOnDisconnect = async (anyProcess, ipcEmitter, controller2) => {
  try {
    await once6(ipcEmitter, "disconnect", { signal: controller2.signal });
    controller2.abort();
  } catch {
  }
};
var abortOnStrictError = async ({ ipcEmitter, isSubprocess, controller: controller2, state }) => {
  try {
    const [error] = await once6(ipcEmitter, "strict:error", { signal: controller2.signal });
    state.error = getStrictResponseError(error, isSubprocess);
    controller2.abort();
  } catch {
  }
};
var iterateOnMessages = async function* ({ anyProcess, channel, ipcEmitter, isSubprocess, shouldAwait, controller: controller2, state, reference }) {
  try {
    for await (const [message] of on3(ipcEmitter, "message", { signal: controller2.signal })) {
      throwIfStrictError(state);
      yield message;
    }
  } catch {
    throwIfStrictError(state);
  } finally {
    controller2.abort();
    removeReference(channel, reference);
    if (!isSubprocess) {
      disconnect(anyProcess);
    }
    if (shouldAwait) {
      await anyProcess;
    }
  }
};
var throwIfStrictError = ({ error }) => {
  if (error) {
    throw error;
  }
};

// node_modules/execa/lib/ipc/methods.js
var addIpcMethods = (subprocess, { ipc }) => {
  Object.assign(subprocess, getIpcMethods(subprocess, false, ipc));
};
var getIpcExport = () => {
  const anyProcess = process8;
  const isSubprocess = true;
  const ipc = process8.channel !== void 0;
  return {
    ...getIpcMethods(anyProcess, isSubprocess, ipc),
    getCancelSignal: getCancelSignal.bind(void 0, {
      anyProcess,
      channel: anyProcess.channel,
      isSubprocess,
      ipc
    })
  };
};
var getIpcMethods = (anyProcess, isSubprocess, ipc) => ({
  sendMessage: sendMessage.bind(void 0, {
    anyProcess,
    channel: anyProcess.channel,
    isSubprocess,
    ipc
  }),
  getOneMessage: getOneMessage.bind(void 0, {
    anyProcess,
    channel: anyProcess.channel,
    isSubprocess,
    ipc
  }),
  getEachMessage: getEachMessage.bind(void 0, {
    anyProcess,
    channel: anyProcess.channel,
    isSubprocess,
    ipc
  })
});

// node_modules/execa/lib/return/early-error.js
import { ChildProcess as ChildProcess2 } from "node:child_process";
import {
  PassThrough,
  Readable,
  Writable,
  Duplex
} from "node:stream";
var handleEarlyError = ({ error, command, escapedCommand, fileDescriptors, options: options2, startTime, verboseInfo }) => {
  cleanupCustomStreams(fileDescriptors);
  const subprocess = new ChildProcess2();
  createDummyStreams(subprocess, fileDescriptors);
  Object.assign(subprocess, { readable, writable, duplex });
  const earlyError = makeEarlyError({
    error,
    command,
    escapedCommand,
    fileDescriptors,
    options: options2,
    startTime,
    isSync: false
  });
  const promise = handleDummyPromise(earlyError, verboseInfo, options2);
  return { subprocess, promise };
};
var createDummyStreams = (subprocess, fileDescriptors) => {
  const stdin = createDummyStream();
  const stdout = createDummyStream();
  const stderr = createDummyStream();
  const extraStdio = Array.from({ length: fileDescriptors.length - 3 }, createDummyStream);
  const all = createDummyStream();
  const stdio = [stdin, stdout, stderr, ...extraStdio];
  Object.assign(subprocess, {
    stdin,
    stdout,
    stderr,
    all,
    stdio
  });
};
var createDummyStream = () => {
  const stream = new PassThrough();
  stream.end();
  return stream;
};
var readable = () => new Readable({ read() {
} });
var writable = () => new Writable({ write() {
} });
var duplex = () => new Duplex({ read() {
}, write() {
} });
var handleDummyPromise = async (error, verboseInfo, options2) => handleResult(error, verboseInfo, options2);

// node_modules/execa/lib/stdio/handle-async.js
import { createReadStream, createWriteStream } from "node:fs";
import { Buffer as Buffer4 } from "node:buffer";
import { Readable as Readable2, Writable as Writable2, Duplex as Duplex2 } from "node:stream";
var handleStdioAsync = (options2, verboseInfo) => handleStdio(addPropertiesAsync, options2, verboseInfo, false);
var forbiddenIfAsync = ({ type, optionName }) => {
  throw new TypeError(`The \`${optionName}\` option cannot be ${TYPE_TO_MESSAGE[type]}.`);
};
var addProperties2 = {
  fileNumber: forbiddenIfAsync,
  generator: generatorToStream,
  asyncGenerator: generatorToStream,
  nodeStream: ({ value: value4 }) => ({ stream: value4 }),
  webTransform({ value: { transform, writableObjectMode, readableObjectMode } }) {
    const objectMode = writableObjectMode || readableObjectMode;
    const stream = Duplex2.fromWeb(transform, { objectMode });
    return { stream };
  },
  duplex: ({ value: { transform } }) => ({ stream: transform }),
  native() {
  }
};
var addPropertiesAsync = {
  input: {
    ...addProperties2,
    fileUrl: ({ value: value4 }) => ({ stream: createReadStream(value4) }),
    filePath: ({ value: { file } }) => ({ stream: createReadStream(file) }),
    webStream: ({ value: value4 }) => ({ stream: Readable2.fromWeb(value4) }),
    iterable: ({ value: value4 }) => ({ stream: Readable2.from(value4) }),
    asyncIterable: ({ value: value4 }) => ({ stream: Readable2.from(value4) }),
    string: ({ value: value4 }) => ({ stream: Readable2.from(value4) }),
    uint8Array: ({ value: value4 }) => ({ stream: Readable2.from(Buffer4.from(value4)) })
  },
  output: {
    ...addProperties2,
    fileUrl: ({ value: value4 }) => ({ stream: createWriteStream(value4) }),
    filePath: ({ value: { file, append } }) => ({ stream: createWriteStream(file, append ? { flags: "a" } : {}) }),
    webStream: ({ value: value4 }) => ({ stream: Writable2.fromWeb(value4) }),
    iterable: forbiddenIfAsync,
    asyncIterable: forbiddenIfAsync,
    string: forbiddenIfAsync,
    uint8Array: forbiddenIfAsync
  }
};

// node_modules/@sindresorhus/merge-streams/index.js
import { on as on4, once as once7 } from "node:events";
import { PassThrough as PassThroughStream, getDefaultHighWaterMark as getDefaultHighWaterMark2 } from "node:stream";
import { finished as finished2 } from "node:stream/promises";
function mergeStreams(streams) {
  if (!Array.isArray(streams)) {
    throw new TypeError(`Expected an array, got \`${typeof streams}\`.`);
  }
  for (const stream of streams) {
    validateStream(stream);
  }
  const objectMode = streams.some(({ readableObjectMode }) => readableObjectMode);
  const highWaterMark = getHighWaterMark(streams, objectMode);
  const passThroughStream = new MergedStream({
    objectMode,
    writableHighWaterMark: highWaterMark,
    readableHighWaterMark: highWaterMark
  });
  for (const stream of streams) {
    passThroughStream.add(stream);
  }
  return passThroughStream;
}
var getHighWaterMark = (streams, objectMode) => {
  if (streams.length === 0) {
    return getDefaultHighWaterMark2(objectMode);
  }
  const highWaterMarks = streams.filter(({ readableObjectMode }) => readableObjectMode === objectMode).map(({ readableHighWaterMark }) => readableHighWaterMark);
  return Math.max(...highWaterMarks);
};
var MergedStream = class extends PassThroughStream {
  #streams = /* @__PURE__ */ new Set([]);
  #ended = /* @__PURE__ */ new Set([]);
  #aborted = /* @__PURE__ */ new Set([]);
  #onFinished;
  #unpipeEvent = /* @__PURE__ */ Symbol("unpipe");
  #streamPromises = /* @__PURE__ */ new WeakMap();
  add(stream) {
    validateStream(stream);
    if (this.#streams.has(stream)) {
      return;
    }
    this.#streams.add(stream);
    this.#onFinished ??= onMergedStreamFinished(this, this.#streams, this.#unpipeEvent);
    const streamPromise = endWhenStreamsDone({
      passThroughStream: this,
      stream,
      streams: this.#streams,
      ended: this.#ended,
      aborted: this.#aborted,
      onFinished: this.#onFinished,
      unpipeEvent: this.#unpipeEvent
    });
    this.#streamPromises.set(stream, streamPromise);
    stream.pipe(this, { end: false });
  }
  async remove(stream) {
    validateStream(stream);
    if (!this.#streams.has(stream)) {
      return false;
    }
    const streamPromise = this.#streamPromises.get(stream);
    if (streamPromise === void 0) {
      return false;
    }
    this.#streamPromises.delete(stream);
    stream.unpipe(this);
    await streamPromise;
    return true;
  }
};
var onMergedStreamFinished = async (passThroughStream, streams, unpipeEvent) => {
  updateMaxListeners(passThroughStream, PASSTHROUGH_LISTENERS_COUNT);
  const controller2 = new AbortController();
  try {
    await Promise.race([
      onMergedStreamEnd(passThroughStream, controller2),
      onInputStreamsUnpipe(passThroughStream, streams, unpipeEvent, controller2)
    ]);
  } finally {
    controller2.abort();
    updateMaxListeners(passThroughStream, -PASSTHROUGH_LISTENERS_COUNT);
  }
};
var onMergedStreamEnd = async (passThroughStream, { signal }) => {
  try {
    await finished2(passThroughStream, { signal, cleanup: true });
  } catch (error) {
    errorOrAbortStream(passThroughStream, error);
    throw error;
  }
};
var onInputStreamsUnpipe = async (passThroughStream, streams, unpipeEvent, { signal }) => {
  for await (const [unpipedStream] of on4(passThroughStream, "unpipe", { signal })) {
    if (streams.has(unpipedStream)) {
      unpipedStream.emit(unpipeEvent);
    }
  }
};
var validateStream = (stream) => {
  if (typeof stream?.pipe !== "function") {
    throw new TypeError(`Expected a readable stream, got: \`${typeof stream}\`.`);
  }
};
var endWhenStreamsDone = async ({ passThroughStream, stream, streams, ended, aborted: aborted2, onFinished, unpipeEvent }) => {
  updateMaxListeners(passThroughStream, PASSTHROUGH_LISTENERS_PER_STREAM);
  const controller2 = new AbortController();
  try {
    await Promise.race([
      afterMergedStreamFinished(onFinished, stream, controller2),
      onInputStreamEnd({
        passThroughStream,
        stream,
        streams,
        ended,
        aborted: aborted2,
        controller: controller2
      }),
      onInputStreamUnpipe({
        stream,
        streams,
        ended,
        aborted: aborted2,
        unpipeEvent,
        controller: controller2
      })
    ]);
  } finally {
    controller2.abort();
    updateMaxListeners(passThroughStream, -PASSTHROUGH_LISTENERS_PER_STREAM);
  }
  if (streams.size > 0 && streams.size === ended.size + aborted2.size) {
    if (ended.size === 0 && aborted2.size > 0) {
      abortStream(passThroughStream);
    } else {
      endStream(passThroughStream);
    }
  }
};
var afterMergedStreamFinished = async (onFinished, stream, { signal }) => {
  try {
    await onFinished;
    if (!signal.aborted) {
      abortStream(stream);
    }
  } catch (error) {
    if (!signal.aborted) {
      errorOrAbortStream(stream, error);
    }
  }
};
var onInputStreamEnd = async ({ passThroughStream, stream, streams, ended, aborted: aborted2, controller: { signal } }) => {
  try {
    await finished2(stream, {
      signal,
      cleanup: true,
      readable: true,
      writable: false
    });
    if (streams.has(stream)) {
      ended.add(stream);
    }
  } catch (error) {
    if (signal.aborted || !streams.has(stream)) {
      return;
    }
    if (isAbortError(error)) {
      aborted2.add(stream);
    } else {
      errorStream(passThroughStream, error);
    }
  }
};
var onInputStreamUnpipe = async ({ stream, streams, ended, aborted: aborted2, unpipeEvent, controller: { signal } }) => {
  await once7(stream, unpipeEvent, { signal });
  if (!stream.readable) {
    return once7(signal, "abort", { signal });
  }
  streams.delete(stream);
  ended.delete(stream);
  aborted2.delete(stream);
};
var endStream = (stream) => {
  if (stream.writable) {
    stream.end();
  }
};
var errorOrAbortStream = (stream, error) => {
  if (isAbortError(error)) {
    abortStream(stream);
  } else {
    errorStream(stream, error);
  }
};
var isAbortError = (error) => error?.code === "ERR_STREAM_PREMATURE_CLOSE";
var abortStream = (stream) => {
  if (stream.readable || stream.writable) {
    stream.destroy();
  }
};
var errorStream = (stream, error) => {
  if (!stream.destroyed) {
    stream.once("error", noop2);
    stream.destroy(error);
  }
};
var noop2 = () => {
};
var updateMaxListeners = (passThroughStream, increment2) => {
  const maxListeners = passThroughStream.getMaxListeners();
  if (maxListeners !== 0 && maxListeners !== Number.POSITIVE_INFINITY) {
    passThroughStream.setMaxListeners(maxListeners + increment2);
  }
};
var PASSTHROUGH_LISTENERS_COUNT = 2;
var PASSTHROUGH_LISTENERS_PER_STREAM = 1;

// node_modules/execa/lib/io/pipeline.js
import { finished as finished3 } from "node:stream/promises";
var pipeStreams = (source, destination) => {
  source.pipe(destination);
  onSourceFinish(source, destination);
  onDestinationFinish(source, destination);
};
var onSourceFinish = async (source, destination) => {
  if (isStandardStream(source) || isStandardStream(destination)) {
    return;
  }
  try {
    await finished3(source, { cleanup: true, readable: true, writable: false });
  } catch {
  }
  endDestinationStream(destination);
};
var endDestinationStream = (destination) => {
  if (destination.writable) {
    destination.end();
  }
};
var onDestinationFinish = async (source, destination) => {
  if (isStandardStream(source) || isStandardStream(destination)) {
    return;
  }
  try {
    await finished3(destination, { cleanup: true, readable: false, writable: true });
  } catch {
  }
  abortSourceStream(source);
};
var abortSourceStream = (source) => {
  if (source.readable) {
    source.destroy();
  }
};

// node_modules/execa/lib/io/output-async.js
var pipeOutputAsync = (subprocess, fileDescriptors, controller2) => {
  const pipeGroups = /* @__PURE__ */ new Map();
  for (const [fdNumber, { stdioItems, direction }] of Object.entries(fileDescriptors)) {
    for (const { stream } of stdioItems.filter(({ type }) => TRANSFORM_TYPES.has(type))) {
      pipeTransform(subprocess, stream, direction, fdNumber);
    }
    for (const { stream } of stdioItems.filter(({ type }) => !TRANSFORM_TYPES.has(type))) {
      pipeStdioItem({
        subprocess,
        stream,
        direction,
        fdNumber,
        pipeGroups,
        controller: controller2
      });
    }
  }
  for (const [outputStream, inputStreams] of pipeGroups.entries()) {
    const inputStream = inputStreams.length === 1 ? inputStreams[0] : mergeStreams(inputStreams);
    pipeStreams(inputStream, outputStream);
  }
};
var pipeTransform = (subprocess, stream, direction, fdNumber) => {
  if (direction === "output") {
    pipeStreams(subprocess.stdio[fdNumber], stream);
  } else {
    pipeStreams(stream, subprocess.stdio[fdNumber]);
  }
  const streamProperty = SUBPROCESS_STREAM_PROPERTIES[fdNumber];
  if (streamProperty !== void 0) {
    subprocess[streamProperty] = stream;
  }
  subprocess.stdio[fdNumber] = stream;
};
var SUBPROCESS_STREAM_PROPERTIES = ["stdin", "stdout", "stderr"];
var pipeStdioItem = ({ subprocess, stream, direction, fdNumber, pipeGroups, controller: controller2 }) => {
  if (stream === void 0) {
    return;
  }
  setStandardStreamMaxListeners(stream, controller2);
  const [inputStream, outputStream] = direction === "output" ? [stream, subprocess.stdio[fdNumber]] : [subprocess.stdio[fdNumber], stream];
  const outputStreams = pipeGroups.get(inputStream) ?? [];
  pipeGroups.set(inputStream, [...outputStreams, outputStream]);
};
var setStandardStreamMaxListeners = (stream, { signal }) => {
  if (isStandardStream(stream)) {
    incrementMaxListeners(stream, MAX_LISTENERS_INCREMENT, signal);
  }
};
var MAX_LISTENERS_INCREMENT = 2;

// node_modules/execa/lib/terminate/cleanup.js
import { addAbortListener as addAbortListener2 } from "node:events";

// node_modules/signal-exit/dist/mjs/signals.js
var signals = [];
signals.push("SIGHUP", "SIGINT", "SIGTERM");
if (process.platform !== "win32") {
  signals.push(
    "SIGALRM",
    "SIGABRT",
    "SIGVTALRM",
    "SIGXCPU",
    "SIGXFSZ",
    "SIGUSR2",
    "SIGTRAP",
    "SIGSYS",
    "SIGQUIT",
    "SIGIOT"
    // should detect profiler and enable/disable accordingly.
    // see #21
    // 'SIGPROF'
  );
}
if (process.platform === "linux") {
  signals.push("SIGIO", "SIGPOLL", "SIGPWR", "SIGSTKFLT");
}

// node_modules/signal-exit/dist/mjs/index.js
var processOk = (process10) => !!process10 && typeof process10 === "object" && typeof process10.removeListener === "function" && typeof process10.emit === "function" && typeof process10.reallyExit === "function" && typeof process10.listeners === "function" && typeof process10.kill === "function" && typeof process10.pid === "number" && typeof process10.on === "function";
var kExitEmitter = /* @__PURE__ */ Symbol.for("signal-exit emitter");
var global2 = globalThis;
var ObjectDefineProperty = Object.defineProperty.bind(Object);
var Emitter = class {
  emitted = {
    afterExit: false,
    exit: false
  };
  listeners = {
    afterExit: [],
    exit: []
  };
  count = 0;
  id = Math.random();
  constructor() {
    if (global2[kExitEmitter]) {
      return global2[kExitEmitter];
    }
    ObjectDefineProperty(global2, kExitEmitter, {
      value: this,
      writable: false,
      enumerable: false,
      configurable: false
    });
  }
  on(ev, fn) {
    this.listeners[ev].push(fn);
  }
  removeListener(ev, fn) {
    const list2 = this.listeners[ev];
    const i2 = list2.indexOf(fn);
    if (i2 === -1) {
      return;
    }
    if (i2 === 0 && list2.length === 1) {
      list2.length = 0;
    } else {
      list2.splice(i2, 1);
    }
  }
  emit(ev, code2, signal) {
    if (this.emitted[ev]) {
      return false;
    }
    this.emitted[ev] = true;
    let ret = false;
    for (const fn of this.listeners[ev]) {
      ret = fn(code2, signal) === true || ret;
    }
    if (ev === "exit") {
      ret = this.emit("afterExit", code2, signal) || ret;
    }
    return ret;
  }
};
var SignalExitBase = class {
};
var signalExitWrap = (handler) => {
  return {
    onExit(cb, opts) {
      return handler.onExit(cb, opts);
    },
    load() {
      return handler.load();
    },
    unload() {
      return handler.unload();
    }
  };
};
var SignalExitFallback = class extends SignalExitBase {
  onExit() {
    return () => {
    };
  }
  load() {
  }
  unload() {
  }
};
var SignalExit = class extends SignalExitBase {
  // "SIGHUP" throws an `ENOSYS` error on Windows,
  // so use a supported signal instead
  /* c8 ignore start */
  #hupSig = process9.platform === "win32" ? "SIGINT" : "SIGHUP";
  /* c8 ignore stop */
  #emitter = new Emitter();
  #process;
  #originalProcessEmit;
  #originalProcessReallyExit;
  #sigListeners = {};
  #loaded = false;
  constructor(process10) {
    super();
    this.#process = process10;
    this.#sigListeners = {};
    for (const sig of signals) {
      this.#sigListeners[sig] = () => {
        const listeners = this.#process.listeners(sig);
        let { count: count2 } = this.#emitter;
        const p = process10;
        if (typeof p.__signal_exit_emitter__ === "object" && typeof p.__signal_exit_emitter__.count === "number") {
          count2 += p.__signal_exit_emitter__.count;
        }
        if (listeners.length === count2) {
          this.unload();
          const ret = this.#emitter.emit("exit", null, sig);
          const s = sig === "SIGHUP" ? this.#hupSig : sig;
          if (!ret)
            process10.kill(process10.pid, s);
        }
      };
    }
    this.#originalProcessReallyExit = process10.reallyExit;
    this.#originalProcessEmit = process10.emit;
  }
  onExit(cb, opts) {
    if (!processOk(this.#process)) {
      return () => {
      };
    }
    if (this.#loaded === false) {
      this.load();
    }
    const ev = opts?.alwaysLast ? "afterExit" : "exit";
    this.#emitter.on(ev, cb);
    return () => {
      this.#emitter.removeListener(ev, cb);
      if (this.#emitter.listeners["exit"].length === 0 && this.#emitter.listeners["afterExit"].length === 0) {
        this.unload();
      }
    };
  }
  load() {
    if (this.#loaded) {
      return;
    }
    this.#loaded = true;
    this.#emitter.count += 1;
    for (const sig of signals) {
      try {
        const fn = this.#sigListeners[sig];
        if (fn)
          this.#process.on(sig, fn);
      } catch (_) {
      }
    }
    this.#process.emit = (ev, ...a2) => {
      return this.#processEmit(ev, ...a2);
    };
    this.#process.reallyExit = (code2) => {
      return this.#processReallyExit(code2);
    };
  }
  unload() {
    if (!this.#loaded) {
      return;
    }
    this.#loaded = false;
    signals.forEach((sig) => {
      const listener = this.#sigListeners[sig];
      if (!listener) {
        throw new Error("Listener not defined for signal: " + sig);
      }
      try {
        this.#process.removeListener(sig, listener);
      } catch (_) {
      }
    });
    this.#process.emit = this.#originalProcessEmit;
    this.#process.reallyExit = this.#originalProcessReallyExit;
    this.#emitter.count -= 1;
  }
  #processReallyExit(code2) {
    if (!processOk(this.#process)) {
      return 0;
    }
    this.#process.exitCode = code2 || 0;
    this.#emitter.emit("exit", this.#process.exitCode, null);
    return this.#originalProcessReallyExit.call(this.#process, this.#process.exitCode);
  }
  #processEmit(ev, ...args) {
    const og = this.#originalProcessEmit;
    if (ev === "exit" && processOk(this.#process)) {
      if (typeof args[0] === "number") {
        this.#process.exitCode = args[0];
      }
      const ret = og.call(this.#process, ev, ...args);
      this.#emitter.emit("exit", this.#process.exitCode, null);
      return ret;
    } else {
      return og.call(this.#process, ev, ...args);
    }
  }
};
var process9 = globalThis.process;
var {
  /**
   * Called when the process is exiting, whether via signal, explicit
   * exit, or running out of stuff to do.
   *
   * If the global process object is not suitable for instrumentation,
   * then this will be a no-op.
   *
   * Returns a function that may be used to unload signal-exit.
   */
  onExit,
  /**
   * Load the listeners.  Likely you never need to call this, unless
   * doing a rather deep integration with signal-exit functionality.
   * Mostly exposed for the benefit of testing.
   *
   * @internal
   */
  load: load2,
  /**
   * Unload the listeners.  Likely you never need to call this, unless
   * doing a rather deep integration with signal-exit functionality.
   * Mostly exposed for the benefit of testing.
   *
   * @internal
   */
  unload
} = signalExitWrap(processOk(process9) ? new SignalExit(process9) : new SignalExitFallback());

// node_modules/execa/lib/terminate/cleanup.js
var cleanupOnExit = (subprocess, { cleanup, detached }, { signal }) => {
  if (!cleanup || detached) {
    return;
  }
  const removeExitHandler = onExit(() => {
    subprocess.kill();
  });
  addAbortListener2(signal, () => {
    removeExitHandler();
  });
};

// node_modules/execa/lib/pipe/pipe-arguments.js
var normalizePipeArguments = ({ source, sourcePromise, boundOptions, createNested }, ...pipeArguments) => {
  const startTime = getStartTime();
  const {
    destination,
    destinationStream,
    destinationError,
    from,
    unpipeSignal
  } = getDestinationStream(boundOptions, createNested, pipeArguments);
  const { sourceStream, sourceError } = getSourceStream(source, from);
  const { options: sourceOptions, fileDescriptors } = SUBPROCESS_OPTIONS.get(source);
  return {
    sourcePromise,
    sourceStream,
    sourceOptions,
    sourceError,
    destination,
    destinationStream,
    destinationError,
    unpipeSignal,
    fileDescriptors,
    startTime
  };
};
var getDestinationStream = (boundOptions, createNested, pipeArguments) => {
  try {
    const {
      destination,
      pipeOptions: { from, to, unpipeSignal } = {}
    } = getDestination(boundOptions, createNested, ...pipeArguments);
    const destinationStream = getToStream(destination, to);
    return {
      destination,
      destinationStream,
      from,
      unpipeSignal
    };
  } catch (error) {
    return { destinationError: error };
  }
};
var getDestination = (boundOptions, createNested, firstArgument, ...pipeArguments) => {
  if (Array.isArray(firstArgument)) {
    const destination = createNested(mapDestinationArguments, boundOptions)(firstArgument, ...pipeArguments);
    return { destination, pipeOptions: boundOptions };
  }
  if (typeof firstArgument === "string" || firstArgument instanceof URL || isDenoExecPath(firstArgument)) {
    if (Object.keys(boundOptions).length > 0) {
      throw new TypeError('Please use .pipe("file", ..., options) or .pipe(execa("file", ..., options)) instead of .pipe(options)("file", ...).');
    }
    const [rawFile, rawArguments, rawOptions] = normalizeParameters(firstArgument, ...pipeArguments);
    const destination = createNested(mapDestinationArguments)(rawFile, rawArguments, rawOptions);
    return { destination, pipeOptions: rawOptions };
  }
  if (SUBPROCESS_OPTIONS.has(firstArgument)) {
    if (Object.keys(boundOptions).length > 0) {
      throw new TypeError("Please use .pipe(options)`command` or .pipe($(options)`command`) instead of .pipe(options)($`command`).");
    }
    return { destination: firstArgument, pipeOptions: pipeArguments[0] };
  }
  throw new TypeError(`The first argument must be a template string, an options object, or an Execa subprocess: ${firstArgument}`);
};
var mapDestinationArguments = ({ options: options2 }) => ({ options: { ...options2, stdin: "pipe", piped: true } });
var getSourceStream = (source, from) => {
  try {
    const sourceStream = getFromStream(source, from);
    return { sourceStream };
  } catch (error) {
    return { sourceError: error };
  }
};

// node_modules/execa/lib/pipe/throw.js
var handlePipeArgumentsError = ({
  sourceStream,
  sourceError,
  destinationStream,
  destinationError,
  fileDescriptors,
  sourceOptions,
  startTime
}) => {
  const error = getPipeArgumentsError({
    sourceStream,
    sourceError,
    destinationStream,
    destinationError
  });
  if (error !== void 0) {
    throw createNonCommandError({
      error,
      fileDescriptors,
      sourceOptions,
      startTime
    });
  }
};
var getPipeArgumentsError = ({ sourceStream, sourceError, destinationStream, destinationError }) => {
  if (sourceError !== void 0 && destinationError !== void 0) {
    return destinationError;
  }
  if (destinationError !== void 0) {
    abortSourceStream(sourceStream);
    return destinationError;
  }
  if (sourceError !== void 0) {
    endDestinationStream(destinationStream);
    return sourceError;
  }
};
var createNonCommandError = ({ error, fileDescriptors, sourceOptions, startTime }) => makeEarlyError({
  error,
  command: PIPE_COMMAND_MESSAGE,
  escapedCommand: PIPE_COMMAND_MESSAGE,
  fileDescriptors,
  options: sourceOptions,
  startTime,
  isSync: false
});
var PIPE_COMMAND_MESSAGE = "source.pipe(destination)";

// node_modules/execa/lib/pipe/sequence.js
var waitForBothSubprocesses = async (subprocessPromises) => {
  const [
    { status: sourceStatus, reason: sourceReason, value: sourceResult = sourceReason },
    { status: destinationStatus, reason: destinationReason, value: destinationResult = destinationReason }
  ] = await subprocessPromises;
  if (!destinationResult.pipedFrom.includes(sourceResult)) {
    destinationResult.pipedFrom.push(sourceResult);
  }
  if (destinationStatus === "rejected") {
    throw destinationResult;
  }
  if (sourceStatus === "rejected") {
    throw sourceResult;
  }
  return destinationResult;
};

// node_modules/execa/lib/pipe/streaming.js
import { finished as finished4 } from "node:stream/promises";
var pipeSubprocessStream = (sourceStream, destinationStream, maxListenersController) => {
  const mergedStream = MERGED_STREAMS.has(destinationStream) ? pipeMoreSubprocessStream(sourceStream, destinationStream) : pipeFirstSubprocessStream(sourceStream, destinationStream);
  incrementMaxListeners(sourceStream, SOURCE_LISTENERS_PER_PIPE, maxListenersController.signal);
  incrementMaxListeners(destinationStream, DESTINATION_LISTENERS_PER_PIPE, maxListenersController.signal);
  cleanupMergedStreamsMap(destinationStream);
  return mergedStream;
};
var pipeFirstSubprocessStream = (sourceStream, destinationStream) => {
  const mergedStream = mergeStreams([sourceStream]);
  pipeStreams(mergedStream, destinationStream);
  MERGED_STREAMS.set(destinationStream, mergedStream);
  return mergedStream;
};
var pipeMoreSubprocessStream = (sourceStream, destinationStream) => {
  const mergedStream = MERGED_STREAMS.get(destinationStream);
  mergedStream.add(sourceStream);
  return mergedStream;
};
var cleanupMergedStreamsMap = async (destinationStream) => {
  try {
    await finished4(destinationStream, { cleanup: true, readable: false, writable: true });
  } catch {
  }
  MERGED_STREAMS.delete(destinationStream);
};
var MERGED_STREAMS = /* @__PURE__ */ new WeakMap();
var SOURCE_LISTENERS_PER_PIPE = 2;
var DESTINATION_LISTENERS_PER_PIPE = 1;

// node_modules/execa/lib/pipe/abort.js
import { aborted } from "node:util";
var unpipeOnAbort = (unpipeSignal, unpipeContext) => unpipeSignal === void 0 ? [] : [unpipeOnSignalAbort(unpipeSignal, unpipeContext)];
var unpipeOnSignalAbort = async (unpipeSignal, { sourceStream, mergedStream, fileDescriptors, sourceOptions, startTime }) => {
  await aborted(unpipeSignal, sourceStream);
  await mergedStream.remove(sourceStream);
  const error = new Error("Pipe canceled by `unpipeSignal` option.");
  throw createNonCommandError({
    error,
    fileDescriptors,
    sourceOptions,
    startTime
  });
};

// node_modules/execa/lib/pipe/setup.js
var pipeToSubprocess = (sourceInfo, ...pipeArguments) => {
  if (isPlainObject(pipeArguments[0])) {
    return pipeToSubprocess.bind(void 0, {
      ...sourceInfo,
      boundOptions: { ...sourceInfo.boundOptions, ...pipeArguments[0] }
    });
  }
  const { destination, ...normalizedInfo } = normalizePipeArguments(sourceInfo, ...pipeArguments);
  const promise = handlePipePromise({ ...normalizedInfo, destination });
  promise.pipe = pipeToSubprocess.bind(void 0, {
    ...sourceInfo,
    source: destination,
    sourcePromise: promise,
    boundOptions: {}
  });
  return promise;
};
var handlePipePromise = async ({
  sourcePromise,
  sourceStream,
  sourceOptions,
  sourceError,
  destination,
  destinationStream,
  destinationError,
  unpipeSignal,
  fileDescriptors,
  startTime
}) => {
  const subprocessPromises = getSubprocessPromises(sourcePromise, destination);
  handlePipeArgumentsError({
    sourceStream,
    sourceError,
    destinationStream,
    destinationError,
    fileDescriptors,
    sourceOptions,
    startTime
  });
  const maxListenersController = new AbortController();
  try {
    const mergedStream = pipeSubprocessStream(sourceStream, destinationStream, maxListenersController);
    return await Promise.race([
      waitForBothSubprocesses(subprocessPromises),
      ...unpipeOnAbort(unpipeSignal, {
        sourceStream,
        mergedStream,
        sourceOptions,
        fileDescriptors,
        startTime
      })
    ]);
  } finally {
    maxListenersController.abort();
  }
};
var getSubprocessPromises = (sourcePromise, destination) => Promise.allSettled([sourcePromise, destination]);

// node_modules/execa/lib/io/contents.js
import { setImmediate as setImmediate2 } from "node:timers/promises";

// node_modules/execa/lib/io/iterate.js
import { on as on5 } from "node:events";
import { getDefaultHighWaterMark as getDefaultHighWaterMark3 } from "node:stream";
var iterateOnSubprocessStream = ({ subprocessStdout, subprocess, binary, shouldEncode, encoding, preserveNewlines }) => {
  const controller2 = new AbortController();
  stopReadingOnExit(subprocess, controller2);
  return iterateOnStream({
    stream: subprocessStdout,
    controller: controller2,
    binary,
    shouldEncode: !subprocessStdout.readableObjectMode && shouldEncode,
    encoding,
    shouldSplit: !subprocessStdout.readableObjectMode,
    preserveNewlines
  });
};
var stopReadingOnExit = async (subprocess, controller2) => {
  try {
    await subprocess;
  } catch {
  } finally {
    controller2.abort();
  }
};
var iterateForResult = ({ stream, onStreamEnd, lines, encoding, stripFinalNewline: stripFinalNewline2, allMixed }) => {
  const controller2 = new AbortController();
  stopReadingOnStreamEnd(onStreamEnd, controller2, stream);
  const objectMode = stream.readableObjectMode && !allMixed;
  return iterateOnStream({
    stream,
    controller: controller2,
    binary: encoding === "buffer",
    shouldEncode: !objectMode,
    encoding,
    shouldSplit: !objectMode && lines,
    preserveNewlines: !stripFinalNewline2
  });
};
var stopReadingOnStreamEnd = async (onStreamEnd, controller2, stream) => {
  try {
    await onStreamEnd;
  } catch {
    stream.destroy();
  } finally {
    controller2.abort();
  }
};
var iterateOnStream = ({ stream, controller: controller2, binary, shouldEncode, encoding, shouldSplit, preserveNewlines }) => {
  const onStdoutChunk = on5(stream, "data", {
    signal: controller2.signal,
    highWaterMark: HIGH_WATER_MARK,
    // Backward compatibility with older name for this option
    // See https://github.com/nodejs/node/pull/52080#discussion_r1525227861
    // @todo Remove after removing support for Node 21
    highWatermark: HIGH_WATER_MARK
  });
  return iterateOnData({
    onStdoutChunk,
    controller: controller2,
    binary,
    shouldEncode,
    encoding,
    shouldSplit,
    preserveNewlines
  });
};
var DEFAULT_OBJECT_HIGH_WATER_MARK = getDefaultHighWaterMark3(true);
var HIGH_WATER_MARK = DEFAULT_OBJECT_HIGH_WATER_MARK;
var iterateOnData = async function* ({ onStdoutChunk, controller: controller2, binary, shouldEncode, encoding, shouldSplit, preserveNewlines }) {
  const generators = getGenerators({
    binary,
    shouldEncode,
    encoding,
    shouldSplit,
    preserveNewlines
  });
  try {
    for await (const [chunk] of onStdoutChunk) {
      yield* transformChunkSync(chunk, generators, 0);
    }
  } catch (error) {
    if (!controller2.signal.aborted) {
      throw error;
    }
  } finally {
    yield* finalChunksSync(generators);
  }
};
var getGenerators = ({ binary, shouldEncode, encoding, shouldSplit, preserveNewlines }) => [
  getEncodingTransformGenerator(binary, encoding, !shouldEncode),
  getSplitLinesGenerator(binary, preserveNewlines, !shouldSplit, {})
].filter(Boolean);

// node_modules/execa/lib/io/contents.js
var getStreamOutput = async ({ stream, onStreamEnd, fdNumber, encoding, buffer, maxBuffer, lines, allMixed, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => {
  const logPromise = logOutputAsync({
    stream,
    onStreamEnd,
    fdNumber,
    encoding,
    allMixed,
    verboseInfo,
    streamInfo
  });
  if (!buffer) {
    await Promise.all([resumeStream(stream), logPromise]);
    return;
  }
  const stripFinalNewlineValue = getStripFinalNewline(stripFinalNewline2, fdNumber);
  const iterable = iterateForResult({
    stream,
    onStreamEnd,
    lines,
    encoding,
    stripFinalNewline: stripFinalNewlineValue,
    allMixed
  });
  const [output] = await Promise.all([
    getStreamContents2({
      stream,
      iterable,
      fdNumber,
      encoding,
      maxBuffer,
      lines
    }),
    logPromise
  ]);
  return output;
};
var logOutputAsync = async ({ stream, onStreamEnd, fdNumber, encoding, allMixed, verboseInfo, streamInfo: { fileDescriptors } }) => {
  if (!shouldLogOutput({
    stdioItems: fileDescriptors[fdNumber]?.stdioItems,
    encoding,
    verboseInfo,
    fdNumber
  })) {
    return;
  }
  const linesIterable = iterateForResult({
    stream,
    onStreamEnd,
    lines: true,
    encoding,
    stripFinalNewline: true,
    allMixed
  });
  await logLines(linesIterable, stream, fdNumber, verboseInfo);
};
var resumeStream = async (stream) => {
  await setImmediate2();
  if (stream.readableFlowing === null) {
    stream.resume();
  }
};
var getStreamContents2 = async ({ stream, stream: { readableObjectMode }, iterable, fdNumber, encoding, maxBuffer, lines }) => {
  try {
    if (readableObjectMode || lines) {
      return await getStreamAsArray(iterable, { maxBuffer });
    }
    if (encoding === "buffer") {
      return new Uint8Array(await getStreamAsArrayBuffer(iterable, { maxBuffer }));
    }
    return await getStreamAsString(iterable, { maxBuffer });
  } catch (error) {
    return handleBufferedData(handleMaxBuffer({
      error,
      stream,
      readableObjectMode,
      lines,
      encoding,
      fdNumber
    }));
  }
};
var getBufferedData = async (streamPromise) => {
  try {
    return await streamPromise;
  } catch (error) {
    return handleBufferedData(error);
  }
};
var handleBufferedData = ({ bufferedData }) => isArrayBuffer(bufferedData) ? new Uint8Array(bufferedData) : bufferedData;

// node_modules/execa/lib/resolve/wait-stream.js
import { finished as finished5 } from "node:stream/promises";
var waitForStream = async (stream, fdNumber, streamInfo, { isSameDirection, stopOnExit = false } = {}) => {
  const state = handleStdinDestroy(stream, streamInfo);
  const abortController = new AbortController();
  try {
    await Promise.race([
      ...stopOnExit ? [streamInfo.exitPromise] : [],
      finished5(stream, { cleanup: true, signal: abortController.signal })
    ]);
  } catch (error) {
    if (!state.stdinCleanedUp) {
      handleStreamError(error, fdNumber, streamInfo, isSameDirection);
    }
  } finally {
    abortController.abort();
  }
};
var handleStdinDestroy = (stream, { originalStreams: [originalStdin], subprocess }) => {
  const state = { stdinCleanedUp: false };
  if (stream === originalStdin) {
    spyOnStdinDestroy(stream, subprocess, state);
  }
  return state;
};
var spyOnStdinDestroy = (subprocessStdin, subprocess, state) => {
  const { _destroy } = subprocessStdin;
  subprocessStdin._destroy = (...destroyArguments) => {
    setStdinCleanedUp(subprocess, state);
    _destroy.call(subprocessStdin, ...destroyArguments);
  };
};
var setStdinCleanedUp = ({ exitCode, signalCode }, state) => {
  if (exitCode !== null || signalCode !== null) {
    state.stdinCleanedUp = true;
  }
};
var handleStreamError = (error, fdNumber, streamInfo, isSameDirection) => {
  if (!shouldIgnoreStreamError(error, fdNumber, streamInfo, isSameDirection)) {
    throw error;
  }
};
var shouldIgnoreStreamError = (error, fdNumber, streamInfo, isSameDirection = true) => {
  if (streamInfo.propagating) {
    return isStreamEpipe(error) || isStreamAbort(error);
  }
  streamInfo.propagating = true;
  return isInputFileDescriptor(streamInfo, fdNumber) === isSameDirection ? isStreamEpipe(error) : isStreamAbort(error);
};
var isInputFileDescriptor = ({ fileDescriptors }, fdNumber) => fdNumber !== "all" && fileDescriptors[fdNumber].direction === "input";
var isStreamAbort = (error) => error?.code === "ERR_STREAM_PREMATURE_CLOSE";
var isStreamEpipe = (error) => error?.code === "EPIPE";

// node_modules/execa/lib/resolve/stdio.js
var waitForStdioStreams = ({ subprocess, encoding, buffer, maxBuffer, lines, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => subprocess.stdio.map((stream, fdNumber) => waitForSubprocessStream({
  stream,
  fdNumber,
  encoding,
  buffer: buffer[fdNumber],
  maxBuffer: maxBuffer[fdNumber],
  lines: lines[fdNumber],
  allMixed: false,
  stripFinalNewline: stripFinalNewline2,
  verboseInfo,
  streamInfo
}));
var waitForSubprocessStream = async ({ stream, fdNumber, encoding, buffer, maxBuffer, lines, allMixed, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => {
  if (!stream) {
    return;
  }
  const onStreamEnd = waitForStream(stream, fdNumber, streamInfo);
  if (isInputFileDescriptor(streamInfo, fdNumber)) {
    await onStreamEnd;
    return;
  }
  const [output] = await Promise.all([
    getStreamOutput({
      stream,
      onStreamEnd,
      fdNumber,
      encoding,
      buffer,
      maxBuffer,
      lines,
      allMixed,
      stripFinalNewline: stripFinalNewline2,
      verboseInfo,
      streamInfo
    }),
    onStreamEnd
  ]);
  return output;
};

// node_modules/execa/lib/resolve/all-async.js
var makeAllStream = ({ stdout, stderr }, { all }) => all && (stdout || stderr) ? mergeStreams([stdout, stderr].filter(Boolean)) : void 0;
var waitForAllStream = ({ subprocess, encoding, buffer, maxBuffer, lines, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => waitForSubprocessStream({
  ...getAllStream(subprocess, buffer),
  fdNumber: "all",
  encoding,
  maxBuffer: maxBuffer[1] + maxBuffer[2],
  lines: lines[1] || lines[2],
  allMixed: getAllMixed(subprocess),
  stripFinalNewline: stripFinalNewline2,
  verboseInfo,
  streamInfo
});
var getAllStream = ({ stdout, stderr, all }, [, bufferStdout, bufferStderr]) => {
  const buffer = bufferStdout || bufferStderr;
  if (!buffer) {
    return { stream: all, buffer };
  }
  if (!bufferStdout) {
    return { stream: stderr, buffer };
  }
  if (!bufferStderr) {
    return { stream: stdout, buffer };
  }
  return { stream: all, buffer };
};
var getAllMixed = ({ all, stdout, stderr }) => all && stdout && stderr && stdout.readableObjectMode !== stderr.readableObjectMode;

// node_modules/execa/lib/resolve/wait-subprocess.js
import { once as once8 } from "node:events";

// node_modules/execa/lib/verbose/ipc.js
var shouldLogIpc = (verboseInfo) => isFullVerbose(verboseInfo, "ipc");
var logIpcOutput = (message, verboseInfo) => {
  const verboseMessage = serializeVerboseMessage(message);
  verboseLog({
    type: "ipc",
    verboseMessage,
    fdNumber: "ipc",
    verboseInfo
  });
};

// node_modules/execa/lib/ipc/buffer-messages.js
var waitForIpcOutput = async ({
  subprocess,
  buffer: bufferArray,
  maxBuffer: maxBufferArray,
  ipc,
  ipcOutput,
  verboseInfo
}) => {
  if (!ipc) {
    return ipcOutput;
  }
  const isVerbose2 = shouldLogIpc(verboseInfo);
  const buffer = getFdSpecificValue(bufferArray, "ipc");
  const maxBuffer = getFdSpecificValue(maxBufferArray, "ipc");
  for await (const message of loopOnMessages({
    anyProcess: subprocess,
    channel: subprocess.channel,
    isSubprocess: false,
    ipc,
    shouldAwait: false,
    reference: true
  })) {
    if (buffer) {
      checkIpcMaxBuffer(subprocess, ipcOutput, maxBuffer);
      ipcOutput.push(message);
    }
    if (isVerbose2) {
      logIpcOutput(message, verboseInfo);
    }
  }
  return ipcOutput;
};
var getBufferedIpcOutput = async (ipcOutputPromise, ipcOutput) => {
  await Promise.allSettled([ipcOutputPromise]);
  return ipcOutput;
};

// node_modules/execa/lib/resolve/wait-subprocess.js
var waitForSubprocessResult = async ({
  subprocess,
  options: {
    encoding,
    buffer,
    maxBuffer,
    lines,
    timeoutDuration: timeout,
    cancelSignal,
    gracefulCancel,
    forceKillAfterDelay,
    stripFinalNewline: stripFinalNewline2,
    ipc,
    ipcInput
  },
  context: context2,
  verboseInfo,
  fileDescriptors,
  originalStreams,
  onInternalError,
  controller: controller2
}) => {
  const exitPromise = waitForExit(subprocess, context2);
  const streamInfo = {
    originalStreams,
    fileDescriptors,
    subprocess,
    exitPromise,
    propagating: false
  };
  const stdioPromises = waitForStdioStreams({
    subprocess,
    encoding,
    buffer,
    maxBuffer,
    lines,
    stripFinalNewline: stripFinalNewline2,
    verboseInfo,
    streamInfo
  });
  const allPromise = waitForAllStream({
    subprocess,
    encoding,
    buffer,
    maxBuffer,
    lines,
    stripFinalNewline: stripFinalNewline2,
    verboseInfo,
    streamInfo
  });
  const ipcOutput = [];
  const ipcOutputPromise = waitForIpcOutput({
    subprocess,
    buffer,
    maxBuffer,
    ipc,
    ipcOutput,
    verboseInfo
  });
  const originalPromises = waitForOriginalStreams(originalStreams, subprocess, streamInfo);
  const customStreamsEndPromises = waitForCustomStreamsEnd(fileDescriptors, streamInfo);
  try {
    return await Promise.race([
      Promise.all([
        {},
        waitForSuccessfulExit(exitPromise),
        Promise.all(stdioPromises),
        allPromise,
        ipcOutputPromise,
        sendIpcInput(subprocess, ipcInput),
        ...originalPromises,
        ...customStreamsEndPromises
      ]),
      onInternalError,
      throwOnSubprocessError(subprocess, controller2),
      ...throwOnTimeout(subprocess, timeout, context2, controller2),
      ...throwOnCancel({
        subprocess,
        cancelSignal,
        gracefulCancel,
        context: context2,
        controller: controller2
      }),
      ...throwOnGracefulCancel({
        subprocess,
        cancelSignal,
        gracefulCancel,
        forceKillAfterDelay,
        context: context2,
        controller: controller2
      })
    ]);
  } catch (error) {
    context2.terminationReason ??= "other";
    return Promise.all([
      { error },
      exitPromise,
      Promise.all(stdioPromises.map((stdioPromise) => getBufferedData(stdioPromise))),
      getBufferedData(allPromise),
      getBufferedIpcOutput(ipcOutputPromise, ipcOutput),
      Promise.allSettled(originalPromises),
      Promise.allSettled(customStreamsEndPromises)
    ]);
  }
};
var waitForOriginalStreams = (originalStreams, subprocess, streamInfo) => originalStreams.map((stream, fdNumber) => stream === subprocess.stdio[fdNumber] ? void 0 : waitForStream(stream, fdNumber, streamInfo));
var waitForCustomStreamsEnd = (fileDescriptors, streamInfo) => fileDescriptors.flatMap(({ stdioItems }, fdNumber) => stdioItems.filter(({ value: value4, stream = value4 }) => isStream(stream, { checkOpen: false }) && !isStandardStream(stream)).map(({ type, value: value4, stream = value4 }) => waitForStream(stream, fdNumber, streamInfo, {
  isSameDirection: TRANSFORM_TYPES.has(type),
  stopOnExit: type === "native"
})));
var throwOnSubprocessError = async (subprocess, { signal }) => {
  const [error] = await once8(subprocess, "error", { signal });
  throw error;
};

// node_modules/execa/lib/convert/concurrent.js
var initializeConcurrentStreams = () => ({
  readableDestroy: /* @__PURE__ */ new WeakMap(),
  writableFinal: /* @__PURE__ */ new WeakMap(),
  writableDestroy: /* @__PURE__ */ new WeakMap()
});
var addConcurrentStream = (concurrentStreams, stream, waitName) => {
  const weakMap = concurrentStreams[waitName];
  if (!weakMap.has(stream)) {
    weakMap.set(stream, []);
  }
  const promises = weakMap.get(stream);
  const promise = createDeferred();
  promises.push(promise);
  const resolve7 = promise.resolve.bind(promise);
  return { resolve: resolve7, promises };
};
var waitForConcurrentStreams = async ({ resolve: resolve7, promises }, subprocess) => {
  resolve7();
  const [isSubprocessExit] = await Promise.race([
    Promise.allSettled([true, subprocess]),
    Promise.all([false, ...promises])
  ]);
  return !isSubprocessExit;
};

// node_modules/execa/lib/convert/readable.js
import { Readable as Readable3 } from "node:stream";
import { callbackify as callbackify2 } from "node:util";

// node_modules/execa/lib/convert/shared.js
import { finished as finished6 } from "node:stream/promises";
var safeWaitForSubprocessStdin = async (subprocessStdin) => {
  if (subprocessStdin === void 0) {
    return;
  }
  try {
    await waitForSubprocessStdin(subprocessStdin);
  } catch {
  }
};
var safeWaitForSubprocessStdout = async (subprocessStdout) => {
  if (subprocessStdout === void 0) {
    return;
  }
  try {
    await waitForSubprocessStdout(subprocessStdout);
  } catch {
  }
};
var waitForSubprocessStdin = async (subprocessStdin) => {
  await finished6(subprocessStdin, { cleanup: true, readable: false, writable: true });
};
var waitForSubprocessStdout = async (subprocessStdout) => {
  await finished6(subprocessStdout, { cleanup: true, readable: true, writable: false });
};
var waitForSubprocess = async (subprocess, error) => {
  await subprocess;
  if (error) {
    throw error;
  }
};
var destroyOtherStream = (stream, isOpen, error) => {
  if (error && !isStreamAbort(error)) {
    stream.destroy(error);
  } else if (isOpen) {
    stream.destroy();
  }
};

// node_modules/execa/lib/convert/readable.js
var createReadable = ({ subprocess, concurrentStreams, encoding }, { from, binary: binaryOption = true, preserveNewlines = true } = {}) => {
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const { subprocessStdout, waitReadableDestroy } = getSubprocessStdout(subprocess, from, concurrentStreams);
  const { readableEncoding, readableObjectMode, readableHighWaterMark } = getReadableOptions(subprocessStdout, binary);
  const { read, onStdoutDataDone } = getReadableMethods({
    subprocessStdout,
    subprocess,
    binary,
    encoding,
    preserveNewlines
  });
  const readable2 = new Readable3({
    read,
    destroy: callbackify2(onReadableDestroy.bind(void 0, { subprocessStdout, subprocess, waitReadableDestroy })),
    highWaterMark: readableHighWaterMark,
    objectMode: readableObjectMode,
    encoding: readableEncoding
  });
  onStdoutFinished({
    subprocessStdout,
    onStdoutDataDone,
    readable: readable2,
    subprocess
  });
  return readable2;
};
var getSubprocessStdout = (subprocess, from, concurrentStreams) => {
  const subprocessStdout = getFromStream(subprocess, from);
  const waitReadableDestroy = addConcurrentStream(concurrentStreams, subprocessStdout, "readableDestroy");
  return { subprocessStdout, waitReadableDestroy };
};
var getReadableOptions = ({ readableEncoding, readableObjectMode, readableHighWaterMark }, binary) => binary ? { readableEncoding, readableObjectMode, readableHighWaterMark } : { readableEncoding, readableObjectMode: true, readableHighWaterMark: DEFAULT_OBJECT_HIGH_WATER_MARK };
var getReadableMethods = ({ subprocessStdout, subprocess, binary, encoding, preserveNewlines }) => {
  const onStdoutDataDone = createDeferred();
  const onStdoutData = iterateOnSubprocessStream({
    subprocessStdout,
    subprocess,
    binary,
    shouldEncode: !binary,
    encoding,
    preserveNewlines
  });
  return {
    read() {
      onRead(this, onStdoutData, onStdoutDataDone);
    },
    onStdoutDataDone
  };
};
var onRead = async (readable2, onStdoutData, onStdoutDataDone) => {
  try {
    const { value: value4, done } = await onStdoutData.next();
    if (done) {
      onStdoutDataDone.resolve();
    } else {
      readable2.push(value4);
    }
  } catch {
  }
};
var onStdoutFinished = async ({ subprocessStdout, onStdoutDataDone, readable: readable2, subprocess, subprocessStdin }) => {
  try {
    await waitForSubprocessStdout(subprocessStdout);
    await subprocess;
    await safeWaitForSubprocessStdin(subprocessStdin);
    await onStdoutDataDone;
    if (readable2.readable) {
      readable2.push(null);
    }
  } catch (error) {
    await safeWaitForSubprocessStdin(subprocessStdin);
    destroyOtherReadable(readable2, error);
  }
};
var onReadableDestroy = async ({ subprocessStdout, subprocess, waitReadableDestroy }, error) => {
  if (await waitForConcurrentStreams(waitReadableDestroy, subprocess)) {
    destroyOtherReadable(subprocessStdout, error);
    await waitForSubprocess(subprocess, error);
  }
};
var destroyOtherReadable = (stream, error) => {
  destroyOtherStream(stream, stream.readable, error);
};

// node_modules/execa/lib/convert/writable.js
import { Writable as Writable3 } from "node:stream";
import { callbackify as callbackify3 } from "node:util";
var createWritable = ({ subprocess, concurrentStreams }, { to } = {}) => {
  const { subprocessStdin, waitWritableFinal, waitWritableDestroy } = getSubprocessStdin(subprocess, to, concurrentStreams);
  const writable3 = new Writable3({
    ...getWritableMethods(subprocessStdin, subprocess, waitWritableFinal),
    destroy: callbackify3(onWritableDestroy.bind(void 0, {
      subprocessStdin,
      subprocess,
      waitWritableFinal,
      waitWritableDestroy
    })),
    highWaterMark: subprocessStdin.writableHighWaterMark,
    objectMode: subprocessStdin.writableObjectMode
  });
  onStdinFinished(subprocessStdin, writable3);
  return writable3;
};
var getSubprocessStdin = (subprocess, to, concurrentStreams) => {
  const subprocessStdin = getToStream(subprocess, to);
  const waitWritableFinal = addConcurrentStream(concurrentStreams, subprocessStdin, "writableFinal");
  const waitWritableDestroy = addConcurrentStream(concurrentStreams, subprocessStdin, "writableDestroy");
  return { subprocessStdin, waitWritableFinal, waitWritableDestroy };
};
var getWritableMethods = (subprocessStdin, subprocess, waitWritableFinal) => ({
  write: onWrite.bind(void 0, subprocessStdin),
  final: callbackify3(onWritableFinal.bind(void 0, subprocessStdin, subprocess, waitWritableFinal))
});
var onWrite = (subprocessStdin, chunk, encoding, done) => {
  if (subprocessStdin.write(chunk, encoding)) {
    done();
  } else {
    subprocessStdin.once("drain", done);
  }
};
var onWritableFinal = async (subprocessStdin, subprocess, waitWritableFinal) => {
  if (await waitForConcurrentStreams(waitWritableFinal, subprocess)) {
    if (subprocessStdin.writable) {
      subprocessStdin.end();
    }
    await subprocess;
  }
};
var onStdinFinished = async (subprocessStdin, writable3, subprocessStdout) => {
  try {
    await waitForSubprocessStdin(subprocessStdin);
    if (writable3.writable) {
      writable3.end();
    }
  } catch (error) {
    await safeWaitForSubprocessStdout(subprocessStdout);
    destroyOtherWritable(writable3, error);
  }
};
var onWritableDestroy = async ({ subprocessStdin, subprocess, waitWritableFinal, waitWritableDestroy }, error) => {
  await waitForConcurrentStreams(waitWritableFinal, subprocess);
  if (await waitForConcurrentStreams(waitWritableDestroy, subprocess)) {
    destroyOtherWritable(subprocessStdin, error);
    await waitForSubprocess(subprocess, error);
  }
};
var destroyOtherWritable = (stream, error) => {
  destroyOtherStream(stream, stream.writable, error);
};

// node_modules/execa/lib/convert/duplex.js
import { Duplex as Duplex3 } from "node:stream";
import { callbackify as callbackify4 } from "node:util";
var createDuplex = ({ subprocess, concurrentStreams, encoding }, { from, to, binary: binaryOption = true, preserveNewlines = true } = {}) => {
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const { subprocessStdout, waitReadableDestroy } = getSubprocessStdout(subprocess, from, concurrentStreams);
  const { subprocessStdin, waitWritableFinal, waitWritableDestroy } = getSubprocessStdin(subprocess, to, concurrentStreams);
  const { readableEncoding, readableObjectMode, readableHighWaterMark } = getReadableOptions(subprocessStdout, binary);
  const { read, onStdoutDataDone } = getReadableMethods({
    subprocessStdout,
    subprocess,
    binary,
    encoding,
    preserveNewlines
  });
  const duplex2 = new Duplex3({
    read,
    ...getWritableMethods(subprocessStdin, subprocess, waitWritableFinal),
    destroy: callbackify4(onDuplexDestroy.bind(void 0, {
      subprocessStdout,
      subprocessStdin,
      subprocess,
      waitReadableDestroy,
      waitWritableFinal,
      waitWritableDestroy
    })),
    readableHighWaterMark,
    writableHighWaterMark: subprocessStdin.writableHighWaterMark,
    readableObjectMode,
    writableObjectMode: subprocessStdin.writableObjectMode,
    encoding: readableEncoding
  });
  onStdoutFinished({
    subprocessStdout,
    onStdoutDataDone,
    readable: duplex2,
    subprocess,
    subprocessStdin
  });
  onStdinFinished(subprocessStdin, duplex2, subprocessStdout);
  return duplex2;
};
var onDuplexDestroy = async ({ subprocessStdout, subprocessStdin, subprocess, waitReadableDestroy, waitWritableFinal, waitWritableDestroy }, error) => {
  await Promise.all([
    onReadableDestroy({ subprocessStdout, subprocess, waitReadableDestroy }, error),
    onWritableDestroy({
      subprocessStdin,
      subprocess,
      waitWritableFinal,
      waitWritableDestroy
    }, error)
  ]);
};

// node_modules/execa/lib/convert/iterable.js
var createIterable = (subprocess, encoding, {
  from,
  binary: binaryOption = false,
  preserveNewlines = false
} = {}) => {
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const subprocessStdout = getFromStream(subprocess, from);
  const onStdoutData = iterateOnSubprocessStream({
    subprocessStdout,
    subprocess,
    binary,
    shouldEncode: true,
    encoding,
    preserveNewlines
  });
  return iterateOnStdoutData(onStdoutData, subprocessStdout, subprocess);
};
var iterateOnStdoutData = async function* (onStdoutData, subprocessStdout, subprocess) {
  try {
    yield* onStdoutData;
  } finally {
    if (subprocessStdout.readable) {
      subprocessStdout.destroy();
    }
    await subprocess;
  }
};

// node_modules/execa/lib/convert/add.js
var addConvertedStreams = (subprocess, { encoding }) => {
  const concurrentStreams = initializeConcurrentStreams();
  subprocess.readable = createReadable.bind(void 0, { subprocess, concurrentStreams, encoding });
  subprocess.writable = createWritable.bind(void 0, { subprocess, concurrentStreams });
  subprocess.duplex = createDuplex.bind(void 0, { subprocess, concurrentStreams, encoding });
  subprocess.iterable = createIterable.bind(void 0, subprocess, encoding);
  subprocess[Symbol.asyncIterator] = createIterable.bind(void 0, subprocess, encoding, {});
};

// node_modules/execa/lib/methods/promise.js
var mergePromise = (subprocess, promise) => {
  for (const [property, descriptor] of descriptors) {
    const value4 = descriptor.value.bind(promise);
    Reflect.defineProperty(subprocess, property, { ...descriptor, value: value4 });
  }
};
var nativePromisePrototype = (async () => {
})().constructor.prototype;
var descriptors = ["then", "catch", "finally"].map((property) => [
  property,
  Reflect.getOwnPropertyDescriptor(nativePromisePrototype, property)
]);

// node_modules/execa/lib/methods/main-async.js
var execaCoreAsync = (rawFile, rawArguments, rawOptions, createNested) => {
  const { file, commandArguments, command, escapedCommand, startTime, verboseInfo, options: options2, fileDescriptors } = handleAsyncArguments(rawFile, rawArguments, rawOptions);
  const { subprocess, promise } = spawnSubprocessAsync({
    file,
    commandArguments,
    options: options2,
    startTime,
    verboseInfo,
    command,
    escapedCommand,
    fileDescriptors
  });
  subprocess.pipe = pipeToSubprocess.bind(void 0, {
    source: subprocess,
    sourcePromise: promise,
    boundOptions: {},
    createNested
  });
  mergePromise(subprocess, promise);
  SUBPROCESS_OPTIONS.set(subprocess, { options: options2, fileDescriptors });
  return subprocess;
};
var handleAsyncArguments = (rawFile, rawArguments, rawOptions) => {
  const { command, escapedCommand, startTime, verboseInfo } = handleCommand(rawFile, rawArguments, rawOptions);
  const { file, commandArguments, options: normalizedOptions } = normalizeOptions(rawFile, rawArguments, rawOptions);
  const options2 = handleAsyncOptions(normalizedOptions);
  const fileDescriptors = handleStdioAsync(options2, verboseInfo);
  return {
    file,
    commandArguments,
    command,
    escapedCommand,
    startTime,
    verboseInfo,
    options: options2,
    fileDescriptors
  };
};
var handleAsyncOptions = ({ timeout, signal, ...options2 }) => {
  if (signal !== void 0) {
    throw new TypeError('The "signal" option has been renamed to "cancelSignal" instead.');
  }
  return { ...options2, timeoutDuration: timeout };
};
var spawnSubprocessAsync = ({ file, commandArguments, options: options2, startTime, verboseInfo, command, escapedCommand, fileDescriptors }) => {
  let subprocess;
  try {
    subprocess = spawn(...concatenateShell(file, commandArguments, options2));
  } catch (error) {
    return handleEarlyError({
      error,
      command,
      escapedCommand,
      fileDescriptors,
      options: options2,
      startTime,
      verboseInfo
    });
  }
  const controller2 = new AbortController();
  setMaxListeners(Number.POSITIVE_INFINITY, controller2.signal);
  const originalStreams = [...subprocess.stdio];
  pipeOutputAsync(subprocess, fileDescriptors, controller2);
  cleanupOnExit(subprocess, options2, controller2);
  const context2 = {};
  const onInternalError = createDeferred();
  subprocess.kill = subprocessKill.bind(void 0, {
    kill: subprocess.kill.bind(subprocess),
    options: options2,
    onInternalError,
    context: context2,
    controller: controller2
  });
  subprocess.all = makeAllStream(subprocess, options2);
  addConvertedStreams(subprocess, options2);
  addIpcMethods(subprocess, options2);
  const promise = handlePromise({
    subprocess,
    options: options2,
    startTime,
    verboseInfo,
    fileDescriptors,
    originalStreams,
    command,
    escapedCommand,
    context: context2,
    onInternalError,
    controller: controller2
  });
  return { subprocess, promise };
};
var handlePromise = async ({ subprocess, options: options2, startTime, verboseInfo, fileDescriptors, originalStreams, command, escapedCommand, context: context2, onInternalError, controller: controller2 }) => {
  const [
    errorInfo,
    [exitCode, signal],
    stdioResults,
    allResult,
    ipcOutput
  ] = await waitForSubprocessResult({
    subprocess,
    options: options2,
    context: context2,
    verboseInfo,
    fileDescriptors,
    originalStreams,
    onInternalError,
    controller: controller2
  });
  controller2.abort();
  onInternalError.resolve();
  const stdio = stdioResults.map((stdioResult, fdNumber) => stripNewline(stdioResult, options2, fdNumber));
  const all = stripNewline(allResult, options2, "all");
  const result = getAsyncResult({
    errorInfo,
    exitCode,
    signal,
    stdio,
    all,
    ipcOutput,
    context: context2,
    options: options2,
    command,
    escapedCommand,
    startTime
  });
  return handleResult(result, verboseInfo, options2);
};
var getAsyncResult = ({ errorInfo, exitCode, signal, stdio, all, ipcOutput, context: context2, options: options2, command, escapedCommand, startTime }) => "error" in errorInfo ? makeError({
  error: errorInfo.error,
  command,
  escapedCommand,
  timedOut: context2.terminationReason === "timeout",
  isCanceled: context2.terminationReason === "cancel" || context2.terminationReason === "gracefulCancel",
  isGracefullyCanceled: context2.terminationReason === "gracefulCancel",
  isMaxBuffer: errorInfo.error instanceof MaxBufferError,
  isForcefullyTerminated: context2.isForcefullyTerminated,
  exitCode,
  signal,
  stdio,
  all,
  ipcOutput,
  options: options2,
  startTime,
  isSync: false
}) : makeSuccessResult({
  command,
  escapedCommand,
  stdio,
  all,
  ipcOutput,
  options: options2,
  startTime
});

// node_modules/execa/lib/methods/bind.js
var mergeOptions = (boundOptions, options2) => {
  const newOptions = Object.fromEntries(
    Object.entries(options2).map(([optionName, optionValue]) => [
      optionName,
      mergeOption(optionName, boundOptions[optionName], optionValue)
    ])
  );
  return { ...boundOptions, ...newOptions };
};
var mergeOption = (optionName, boundOptionValue, optionValue) => {
  if (DEEP_OPTIONS.has(optionName) && isPlainObject(boundOptionValue) && isPlainObject(optionValue)) {
    return { ...boundOptionValue, ...optionValue };
  }
  return optionValue;
};
var DEEP_OPTIONS = /* @__PURE__ */ new Set(["env", ...FD_SPECIFIC_OPTIONS]);

// node_modules/execa/lib/methods/create.js
var createExeca = (mapArguments, boundOptions, deepOptions, setBoundExeca) => {
  const createNested = (mapArguments2, boundOptions2, setBoundExeca2) => createExeca(mapArguments2, boundOptions2, deepOptions, setBoundExeca2);
  const boundExeca = (...execaArguments) => callBoundExeca({
    mapArguments,
    deepOptions,
    boundOptions,
    setBoundExeca,
    createNested
  }, ...execaArguments);
  if (setBoundExeca !== void 0) {
    setBoundExeca(boundExeca, createNested, boundOptions);
  }
  return boundExeca;
};
var callBoundExeca = ({ mapArguments, deepOptions = {}, boundOptions = {}, setBoundExeca, createNested }, firstArgument, ...nextArguments) => {
  if (isPlainObject(firstArgument)) {
    return createNested(mapArguments, mergeOptions(boundOptions, firstArgument), setBoundExeca);
  }
  const { file, commandArguments, options: options2, isSync } = parseArguments({
    mapArguments,
    firstArgument,
    nextArguments,
    deepOptions,
    boundOptions
  });
  return isSync ? execaCoreSync(file, commandArguments, options2) : execaCoreAsync(file, commandArguments, options2, createNested);
};
var parseArguments = ({ mapArguments, firstArgument, nextArguments, deepOptions, boundOptions }) => {
  const callArguments = isTemplateString(firstArgument) ? parseTemplates(firstArgument, nextArguments) : [firstArgument, ...nextArguments];
  const [initialFile, initialArguments, initialOptions] = normalizeParameters(...callArguments);
  const mergedOptions = mergeOptions(mergeOptions(deepOptions, boundOptions), initialOptions);
  const {
    file = initialFile,
    commandArguments = initialArguments,
    options: options2 = mergedOptions,
    isSync = false
  } = mapArguments({ file: initialFile, commandArguments: initialArguments, options: mergedOptions });
  return {
    file,
    commandArguments,
    options: options2,
    isSync
  };
};

// node_modules/execa/lib/methods/command.js
var mapCommandAsync = ({ file, commandArguments }) => parseCommand(file, commandArguments);
var mapCommandSync = ({ file, commandArguments }) => ({ ...parseCommand(file, commandArguments), isSync: true });
var parseCommand = (command, unusedArguments) => {
  if (unusedArguments.length > 0) {
    throw new TypeError(`The command and its arguments must be passed as a single string: ${command} ${unusedArguments}.`);
  }
  const [file, ...commandArguments] = parseCommandString(command);
  return { file, commandArguments };
};
var parseCommandString = (command) => {
  if (typeof command !== "string") {
    throw new TypeError(`The command must be a string: ${String(command)}.`);
  }
  const trimmedCommand = command.trim();
  if (trimmedCommand === "") {
    return [];
  }
  const tokens = [];
  for (const token of trimmedCommand.split(SPACES_REGEXP)) {
    const previousToken = tokens.at(-1);
    if (previousToken && previousToken.endsWith("\\")) {
      tokens[tokens.length - 1] = `${previousToken.slice(0, -1)} ${token}`;
    } else {
      tokens.push(token);
    }
  }
  return tokens;
};
var SPACES_REGEXP = / +/g;

// node_modules/execa/lib/methods/script.js
var setScriptSync = (boundExeca, createNested, boundOptions) => {
  boundExeca.sync = createNested(mapScriptSync, boundOptions);
  boundExeca.s = boundExeca.sync;
};
var mapScriptAsync = ({ options: options2 }) => getScriptOptions(options2);
var mapScriptSync = ({ options: options2 }) => ({ ...getScriptOptions(options2), isSync: true });
var getScriptOptions = (options2) => ({ options: { ...getScriptStdinOption(options2), ...options2 } });
var getScriptStdinOption = ({ input, inputFile, stdio }) => input === void 0 && inputFile === void 0 && stdio === void 0 ? { stdin: "inherit" } : {};
var deepScriptOptions = { preferLocal: true };

// node_modules/execa/index.js
var execa = createExeca(() => ({}));
var execaSync = createExeca(() => ({ isSync: true }));
var execaCommand = createExeca(mapCommandAsync);
var execaCommandSync = createExeca(mapCommandSync);
var execaNode = createExeca(mapNode);
var $ = createExeca(mapScriptAsync, {}, deepScriptOptions, setScriptSync);
var {
  sendMessage: sendMessage2,
  getOneMessage: getOneMessage2,
  getEachMessage: getEachMessage2,
  getCancelSignal: getCancelSignal2
} = getIpcExport();

// src/workload/helper.ts
var DEFAULT_MAX_BUFFER = 8 * 1024 * 1024;
var STDERR_EXCERPT = 400;
function options(o2) {
  return {
    timeout: o2.timeoutMs,
    maxBuffer: o2.maxBuffer ?? DEFAULT_MAX_BUFFER,
    reject: false,
    stripFinalNewline: false,
    encoding: "utf8",
    ...o2.input === void 0 ? { stdin: "ignore" } : { input: o2.input },
    ...o2.env ? { env: o2.env, extendEnv: !o2.onlyEnv } : {},
    ...o2.cwd ? { cwd: o2.cwd } : {}
  };
}
function stderrExcerpt(stderr) {
  const folded = stderr.replace(/\s+/g, " ").trim();
  return folded.length <= STDERR_EXCERPT ? folded : `...${folded.slice(-STDERR_EXCERPT)}`;
}
function describeFailure(command, ended, stderr, timeoutMs) {
  const how = ended.notStarted ? `could not be started (${ended.notStarted})` : ended.timedOut ? `did not finish within ${timeoutMs / 1e3} s and was killed` : ended.isMaxBuffer ? "printed more than memgate reads from a helper" : ended.signal ? `was killed by ${ended.signal}` : `exited with status ${ended.exitCode}`;
  if (ended.notStarted) return `${command} ${how}`;
  const said = stderrExcerpt(stderr);
  return `${command} ${how}${said ? `: ${said}` : " (nothing on stderr)"}`;
}
function toResult(file, args, r, timeoutMs) {
  const stdout = typeof r.stdout === "string" ? r.stdout : "";
  const stderr = typeof r.stderr === "string" ? r.stderr : "";
  if (!r.failed) return { ok: true, exitCode: r.exitCode ?? 0, stdout, stderr, failure: null };
  const notStarted = r.exitCode === void 0 && !r.signal && !r.timedOut && !r.isMaxBuffer ? r.code === "ENOENT" ? "not found" : r.code ?? r.originalMessage ?? "unknown error" : void 0;
  const command = [file, ...args].join(" ");
  const failure = describeFailure(
    command.length > 200 ? `${command.slice(0, 200)}...` : command,
    { exitCode: r.exitCode ?? null, signal: r.signal, timedOut: r.timedOut, isMaxBuffer: r.isMaxBuffer, notStarted },
    stderr,
    timeoutMs
  );
  return { ok: false, exitCode: r.exitCode ?? null, stdout, stderr, failure };
}
async function runHelper(file, args, o2) {
  const r = await execa(file, args, options(o2));
  return toResult(file, args, r, o2.timeoutMs);
}
function runHelperSync(file, args, o2) {
  const r = execaSync(file, args, options(o2));
  return toResult(file, args, r, o2.timeoutMs);
}

// src/collect/ebpf-symbolize.ts
var TIMEOUT_MS = 2e4;
var MAX_BUFFER = 64 * 1024 * 1024;
function hex(addr) {
  return `0x${addr.toString(16)}`;
}
function parseFileLine2(text) {
  const m = /^(.*):(\d+)(?: \(discriminator \d+\))?$/.exec(text.trim());
  if (!m || m[1] === "??" || m[1] === "?") return { file: "", line: 0 };
  return { file: m[1], line: Number(m[2]) };
}
function parseAddr2line(output) {
  const result = /* @__PURE__ */ new Map();
  const lines = output.split("\n");
  let current = null;
  for (let i2 = 0; i2 < lines.length; i2++) {
    const line = lines[i2];
    if (/^0x[0-9a-f]+$/i.test(line)) {
      current = [];
      result.set(BigInt(line), current);
      continue;
    }
    if (!current || line === "") continue;
    const where = parseFileLine2(lines[i2 + 1] ?? "");
    i2++;
    if (line !== "??") current.push({ fn: line, ...where });
  }
  return result;
}
function parseGoAddr2line(output, addrs) {
  const result = /* @__PURE__ */ new Map();
  const lines = output.split("\n");
  for (const [i2, addr] of addrs.entries()) {
    const fn = lines[2 * i2];
    if (fn === void 0) break;
    if (fn === "?" || fn === "") continue;
    result.set(addr, [{ fn, ...parseFileLine2(lines[2 * i2 + 1] ?? "") }]);
  }
  return result;
}
function run(file, args, input) {
  const result = runHelperSync(file, args, { input, timeoutMs: TIMEOUT_MS, maxBuffer: MAX_BUFFER });
  return result.ok ? result.stdout : null;
}
var useful = (map, addrs) => addrs.filter((a2) => map.get(a2)?.some((f) => f.file !== "")).length >= addrs.length / 2;
function symbolize(binary, addrs, tools = {}) {
  const unique = [...new Set(addrs)];
  const fromSymtab = () => {
    const map = /* @__PURE__ */ new Map();
    for (const a2 of unique) {
      const fn = functionAt(binary, a2);
      if (fn) map.set(a2, [{ fn: fn.name, file: "", line: 0 }]);
    }
    return map;
  };
  if (unique.length === 0) return { frames: /* @__PURE__ */ new Map(), via: "symtab" };
  const input = unique.map(hex).join("\n") + "\n";
  const addr2line = tools.addr2line === void 0 ? "addr2line" : tools.addr2line;
  if (addr2line) {
    const out = run(addr2line, ["-a", "-f", "-i", "-e", binary.path], input);
    const map = out === null ? null : parseAddr2line(out);
    if (map && useful(map, unique)) return { frames: fillGaps(map, fromSymtab()), via: "addr2line" };
  }
  const go = tools.go === void 0 ? "go" : tools.go;
  if (go) {
    const out = run(go, ["tool", "addr2line", binary.path], input);
    const map = out === null ? null : parseGoAddr2line(out, unique);
    if (map && useful(map, unique)) return { frames: fillGaps(map, fromSymtab()), via: "go tool addr2line" };
  }
  return { frames: fromSymtab(), via: "symtab" };
}
function fillGaps(primary, fallback) {
  for (const [addr, frames] of fallback) if (!primary.get(addr)?.length) primary.set(addr, frames);
  return primary;
}
function which(name, pathEnv = process.env.PATH ?? "") {
  const result = runHelperSync("/bin/sh", ["-c", 'command -v "$1"', "sh", name], {
    timeoutMs: 1e4,
    env: { PATH: pathEnv },
    onlyEnv: true
  });
  const path6 = result.stdout.trim();
  return result.ok && path6 ? path6 : null;
}

// src/collect/ebpf-preflight.ts
var CHECK_TIMEOUT_MS = 6e4;
function exec(file, args, timeoutMs = CHECK_TIMEOUT_MS) {
  return runHelper(file, args, { timeoutMs, maxBuffer: 1024 * 1024 });
}
function harmlessStderr(line) {
  return line.trim() === "" || /RLIMIT_MEMLOCK/.test(line) || /\/sys\/kernel\/(debug\/)?tracing\/(uprobe|kprobe)_events/.test(line) || /failed to detach probe/.test(line) || /BPFTRACE_\w+ is deprecated/.test(line) || /^Attaching \d+ probes?/.test(line);
}
function firstError(stderr) {
  return stderr.split("\n").map((l) => l.trim()).find((l) => !harmlessStderr(l)) ?? null;
}
var BPFTRACE_ENV = "MEMGATE_BPFTRACE";
async function checkTracer(env = process.env) {
  const pathEnv = env.PATH ?? "";
  const chosen = env[BPFTRACE_ENV]?.trim();
  const bpftrace = chosen ? which(chosen, pathEnv) : which("bpftrace", pathEnv) ?? ["/usr/bin/bpftrace", "/usr/sbin/bpftrace", "/usr/local/bin/bpftrace"].find((p) => which(p, pathEnv) !== null) ?? null;
  if (!bpftrace) {
    const what2 = chosen ? `${BPFTRACE_ENV}=${chosen} is not an executable` : "bpftrace is not installed";
    return {
      ok: false,
      problem: what2,
      fix: `install bpftrace 0.17 or newer (apt-get install bpftrace on Debian 12 / Ubuntu 24.04), or point ${BPFTRACE_ENV} at one, or give --ebpf off`
    };
  }
  let prefix = [];
  if (process.getuid?.() !== 0) {
    const sudo = await exec("sudo", ["-n", "true"], 1e4);
    if (!sudo.ok)
      return {
        ok: false,
        problem: `eBPF tracing needs root, and sudo -n is not allowed here (${sudo.failure})`,
        fix: "run memgate as root or allow it passwordless sudo, or give --ebpf off"
      };
    prefix = ["sudo", "-n"];
  }
  const run3 = (args) => prefix.length ? exec(prefix[0], [...prefix.slice(1), bpftrace, ...args]) : exec(bpftrace, args);
  const version = (await run3(["--version"])).stdout.trim() || "bpftrace (version unknown)";
  const probe = await run3(["-e", 'BEGIN { printf("memgate-ok\\n"); exit(); }']);
  if (!probe.stdout.includes("memgate-ok")) {
    const why = firstError(probe.stderr) ?? probe.failure ?? "it printed no marker and no error";
    return {
      ok: false,
      problem: `${version} cannot run a BEGIN probe (${why})`,
      fix: "install a working bpftrace (0.17 or newer; the Ubuntu 22.04 package is known to fail this: use Ubuntu 24.04 or the static build from the bpftrace releases), or give --ebpf off"
    };
  }
  return { ok: true, tracer: { prefix, bpftrace, version } };
}
function hostArch() {
  return process.arch === "x64" ? "amd64" : process.arch === "arm64" ? "arm64" : null;
}
function checkBinary(path6, mode, read = (p) => readFileSync5(p)) {
  let binary;
  try {
    binary = readGoBinary(path6, read(path6));
  } catch (error) {
    return {
      ok: false,
      binary: null,
      problem: `${path6} cannot be read as an executable (${error.message})`,
      fix: "point the command at the Go binary itself"
    };
  }
  const host = hostArch();
  if (binary.arch !== host)
    return {
      ok: false,
      binary,
      problem: `${path6} is built for ${binary.arch}, this host runs ${process.arch}`,
      fix: "trace a binary built for this machine"
    };
  const arch = binary.arch;
  if (binary.goVersion === null && !binary.symbol("runtime.mallocgc")) {
    return {
      ok: false,
      binary,
      problem: `${path6} is not a Go program (no Go build info, no runtime.mallocgc)`,
      fix: "eBPF allocation tracing is for Go services; give --ebpf off for others"
    };
  }
  if (!binary.hasSymtab) {
    return {
      ok: false,
      binary,
      problem: `${path6} is stripped (no symbol table), so its allocator cannot be probed by name`,
      fix: "build it without -ldflags=-s (and without strip) for the gate"
    };
  }
  const go = goMinor(binary.goVersion);
  if (!binary.symbol("runtime.mallocgc"))
    return {
      ok: false,
      binary,
      problem: `${path6} has no runtime.mallocgc symbol`,
      fix: "build it with a Go toolchain memgate knows (Go 1.13 or newer)"
    };
  if (!go)
    return {
      ok: false,
      binary,
      problem: `the Go version of ${path6} cannot be read (no .go.buildinfo, no runtime.buildVersion)`,
      fix: "build it with Go 1.13 or newer"
    };
  if (!binary.symbol(PROBED_FUNCTION[mode]))
    return {
      ok: false,
      binary,
      problem: `${path6} has no ${PROBED_FUNCTION[mode]} symbol`,
      fix: mode === "sampled" ? "give --ebpf-mode every" : "build it with a Go toolchain memgate knows"
    };
  if (mode === "sampled") {
    const flag = binary.symbol("runtime.disableMemoryProfiling");
    const value4 = flag ? binary.read(flag.value, 1) : null;
    if (value4 && value4[0] !== 0) {
      return {
        ok: false,
        binary,
        problem: `${path6} never links runtime.MemProfile (no net/http/pprof or runtime/pprof import), so Go's heap sampling, where the default mode probes, is off`,
        fix: "import net/http/pprof (or runtime/pprof) in the service, or give --ebpf-mode every (costly)"
      };
    }
  }
  return { ok: true, binary, go, arch };
}

// src/workload/cgroup/detect.ts
import { existsSync as existsSync6, accessSync as accessSync2, constants as constants6 } from "node:fs";

// src/workload/cgroup/cgroupfs.ts
import { mkdirSync as mkdirSync4, writeFileSync as writeFileSync5, existsSync as existsSync4 } from "node:fs";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep2 } from "node:timers/promises";

// src/workload/cgroup/fs-util.ts
import { readFileSync as readFileSync6, rmdirSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
function readText(path6) {
  try {
    return readFileSync6(path6, "utf8");
  } catch {
    return null;
  }
}
function readNumber(path6) {
  const text = readText(path6)?.trim();
  if (text === void 0 || text === "" || text === "max") return null;
  const value4 = Number(text);
  return Number.isFinite(value4) ? value4 : null;
}
function readPids(path6) {
  const text = readText(path6);
  if (text === null) return [];
  return text.split("\n").filter((l) => /^\d+$/.test(l)).map(Number);
}
function killPids(pids, signal = "SIGKILL") {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
    }
  }
}
async function removeDir(path6, attempts = 50) {
  for (let i2 = 0; ; i2++) {
    try {
      rmdirSync(path6);
      return;
    } catch (error) {
      const code2 = error.code;
      if (code2 === "ENOENT") return;
      if (i2 >= attempts || code2 !== "EBUSY") throw error;
      await sleep(20);
    }
  }
}

// src/workload/cgroup/stat.ts
function parseKeyValues(text) {
  const values = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const [key, raw] = line.trim().split(/\s+/);
    if (key && raw !== void 0 && /^\d+$/.test(raw)) values.set(key, Number(raw));
  }
  return values;
}
function statFromV2(values) {
  const kernel = values.get("kernel") ?? ["kernel_stack", "pagetables", "percpu", "slab", "sec_pagetables"].reduce((s, k) => s + (values.get(k) ?? 0), 0);
  return {
    anonBytes: values.get("anon") ?? 0,
    fileBytes: values.get("file") ?? 0,
    kernelBytes: kernel,
    sockBytes: values.get("sock") ?? 0
  };
}
function statFromV1(values, kmemBytes, tcpBytes) {
  return {
    anonBytes: values.get("total_rss") ?? values.get("rss") ?? 0,
    fileBytes: values.get("total_cache") ?? values.get("cache") ?? 0,
    kernelBytes: kmemBytes ?? 0,
    sockBytes: tcpBytes ?? 0
  };
}

// src/workload/cgroup/cgroupfs.ts
function launchInto(procsFile, command) {
  return {
    file: "/bin/sh",
    args: ["-c", 'echo $$ > "$1" && exec /bin/sh -c "$2"', "memgate-launch", procsFile, command]
  };
}
var V1 = {
  name: "v1",
  current: "memory.usage_in_bytes",
  peak: "memory.max_usage_in_bytes",
  limit: "memory.limit_in_bytes",
  readStat(dir) {
    const text = readText(`${dir}/memory.stat`);
    if (text === null) return null;
    return statFromV1(
      parseKeyValues(text),
      readNumber(`${dir}/memory.kmem.usage_in_bytes`),
      readNumber(`${dir}/memory.kmem.tcp.usage_in_bytes`)
    );
  },
  readOomKills(dir) {
    const text = readText(`${dir}/memory.oom_control`);
    return text === null ? null : parseKeyValues(text).get("oom_kill") ?? null;
  }
};
var V2 = {
  name: "v2",
  current: "memory.current",
  peak: "memory.peak",
  limit: "memory.max",
  readStat(dir) {
    const text = readText(`${dir}/memory.stat`);
    return text === null ? null : statFromV2(parseKeyValues(text));
  },
  readOomKills(dir) {
    const text = readText(`${dir}/memory.events`);
    return text === null ? null : parseKeyValues(text).get("oom_kill") ?? null;
  }
};
var CgroupfsGroup = class {
  location;
  flavor;
  constructor(dir, flavor) {
    this.location = dir;
    this.flavor = flavor;
  }
  launch(command) {
    return launchInto(`${this.location}/cgroup.procs`, command);
  }
  adopt() {
  }
  pids() {
    return readPids(`${this.location}/cgroup.procs`);
  }
  readCurrent() {
    return readNumber(`${this.location}/${this.flavor.current}`);
  }
  readStat() {
    return this.flavor.readStat(this.location);
  }
  readPeak() {
    return readNumber(`${this.location}/${this.flavor.peak}`);
  }
  readOomKills() {
    return this.flavor.readOomKills(this.location);
  }
  signalAll(signal) {
    killPids(this.pids(), signal);
  }
  async killAll() {
    if (!existsSync4(this.location)) return;
    const killFile = `${this.location}/cgroup.kill`;
    for (let attempt = 0; attempt < 250; attempt++) {
      const pids = this.pids();
      if (pids.length === 0) return;
      if (this.flavor.name === "v2" && existsSync4(killFile)) {
        try {
          writeFileSync5(killFile, "1");
        } catch {
          killPids(pids);
        }
      } else {
        killPids(pids);
      }
      await sleep2(20);
    }
    throw new Error(`processes ${this.pids().join(", ")} in ${this.location} survived SIGKILL for 5 s`);
  }
  async remove() {
    await removeDir(this.location);
  }
};
var CgroupfsDriver = class {
  name;
  limitations = [];
  root;
  flavor;
  created = false;
  /** Side groups that hold one group per process (replicas), removed before the root. */
  parents = [];
  guard;
  constructor(version, ownCgroup) {
    this.flavor = version === "v1" ? V1 : V2;
    this.name = version;
    this.root = `${ownCgroup}/memgate-${process.pid}-${randomBytes(3).toString("hex")}`;
  }
  get rootPath() {
    return this.root;
  }
  ensureRoot() {
    if (this.created) return;
    mkdirSync4(this.root);
    this.created = true;
    this.guard?.cgroup(this.root);
    const parent = this.root.slice(0, this.root.lastIndexOf("/"));
    this.delegate([parent, this.root]);
  }
  /** v2: children only get memory files when every ancestor delegates the controller. */
  delegate(dirs) {
    if (this.flavor.name === "v2") {
      for (const dir of dirs) {
        const available = readText(`${dir}/cgroup.controllers`) ?? "";
        if (!available.split(/\s+/).includes("memory")) continue;
        try {
          writeFileSync5(`${dir}/cgroup.subtree_control`, "+memory");
        } catch (error) {
          const code2 = error.code;
          throw new UsageError(
            `cannot enable the memory controller in ${dir} (${code2}); a cgroup with processes cannot delegate it. Run memgate from a leaf cgroup of its own, or use --cgroup-driver systemd.`
          );
        }
      }
    }
  }
  /** `side`, or `side/N` for one of a side's processes: a group inside the side's group. */
  async create(side, memoryMaxBytes) {
    this.ensureRoot();
    const slash = side.indexOf("/");
    if (slash > 0) {
      const parent = `${this.root}/${side.slice(0, slash)}`;
      if (!this.parents.includes(parent)) {
        mkdirSync4(parent);
        this.parents.push(parent);
        this.guard?.cgroup(parent);
        this.delegate([parent]);
      }
    }
    const dir = `${this.root}/${side}`;
    mkdirSync4(dir);
    this.guard?.cgroup(dir);
    if (memoryMaxBytes !== null) {
      try {
        writeFileSync5(`${dir}/${this.flavor.limit}`, String(memoryMaxBytes));
      } catch (error) {
        await removeDir(dir).catch(() => {
        });
        const code2 = error.code ?? errorMessage(error);
        throw new UsageError(
          `--memory-max ${memoryMaxBytes}: the kernel refused it as the limit of ${dir} (${code2}); give a limit this host accepts, e.g. 512MiB.`
        );
      }
    }
    return new CgroupfsGroup(dir, this.flavor);
  }
  async dispose() {
    for (const parent of this.parents.splice(0)) await removeDir(parent);
    if (this.created) await removeDir(this.root);
    this.created = false;
  }
};

// src/workload/cgroup/mounts.ts
function parseMountInfo(text) {
  const mounts = [];
  for (const line of text.split("\n")) {
    const [left, right] = line.split(" - ");
    if (!left || !right) continue;
    const fields = left.split(" ");
    const [fsType, , superOpts = ""] = right.split(" ");
    mounts.push({
      root: fields[3],
      point: fields[4].replace(/\\040/g, " "),
      fsType,
      superOptions: superOpts.split(",")
    });
  }
  return mounts;
}
function parseProcCgroup(text) {
  const byController = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const match = /^\d+:([^:]*):(.*)$/.exec(line.trim());
    if (!match) continue;
    if (match[1] === "") byController.set("", match[2]);
    for (const controller2 of match[1].split(",")) if (controller2) byController.set(controller2, match[2]);
  }
  return byController;
}
function join7(mount, cgroupPath) {
  const relative2 = mount.root !== "/" && cgroupPath.startsWith(mount.root) ? cgroupPath.slice(mount.root.length) : cgroupPath;
  return `${mount.point}${relative2 === "/" ? "" : relative2}`.replace(/\/+$/, "");
}
function cgroupLayout(mountInfo, procCgroup) {
  const mounts = parseMountInfo(mountInfo);
  const paths = parseProcCgroup(procCgroup);
  const v1 = mounts.find((m) => m.fsType === "cgroup" && m.superOptions.includes("memory"));
  const v2 = mounts.find((m) => m.fsType === "cgroup2");
  const v1Path = paths.get("memory");
  const v2Path = paths.get("");
  return {
    v1Memory: v1 && v1Path !== void 0 ? join7(v1, v1Path) : null,
    v2: v2 && v2Path !== void 0 ? join7(v2, v2Path) : null,
    v2Mount: v2?.point ?? null
  };
}
function readCgroupLayout() {
  return cgroupLayout(readText("/proc/self/mountinfo") ?? "", readText("/proc/self/cgroup") ?? "");
}

// src/workload/cgroup/proc-tree.ts
import { readdirSync } from "node:fs";
import { setTimeout as sleep3 } from "node:timers/promises";
function parentMap() {
  const parents = /* @__PURE__ */ new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat2 = readText(`/proc/${entry}/stat`);
    if (stat2 === null) continue;
    const after = stat2.slice(stat2.lastIndexOf(")") + 2).split(" ");
    parents.set(Number(entry), Number(after[1]));
  }
  return parents;
}
function processTree(rootPid) {
  const parents = parentMap();
  if (!parents.has(rootPid)) return [];
  const tree = [rootPid];
  for (let i2 = 0; i2 < tree.length; i2++) {
    for (const [pid, parent] of parents) if (parent === tree[i2]) tree.push(pid);
  }
  return tree;
}
function rssBytes(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readText(`/proc/${pid}/status`) ?? "");
  return match ? Number(match[1]) * 1024 : 0;
}
var ProcessTreeGroup = class {
  location;
  root = null;
  known = [];
  guard;
  constructor(side, guard) {
    this.location = `process tree of ${side} (no cgroup)`;
    this.guard = guard;
  }
  // Its own process group: without a cgroup, that is what the watchdog can still kill when memgate dies.
  launch(command) {
    return { file: "/bin/sh", args: ["-c", command], ownProcessGroup: true };
  }
  adopt(pid) {
    this.root = pid;
    this.guard?.processGroup(pid);
  }
  pids() {
    if (this.root === null) return [];
    const tree = processTree(this.root);
    if (tree.length > 0) this.known = tree;
    return tree;
  }
  readCurrent() {
    const pids = this.pids();
    return pids.length === 0 ? null : pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
  }
  readStat() {
    return null;
  }
  readPeak() {
    return null;
  }
  readOomKills() {
    return null;
  }
  signalAll(signal) {
    killPids(this.pids(), signal);
  }
  async killAll() {
    const victims = /* @__PURE__ */ new Set([...this.pids(), ...this.known]);
    killPids([...victims]);
    for (let i2 = 0; i2 < 50 && this.pids().length > 0; i2++) {
      killPids(this.pids());
      await sleep3(20);
    }
  }
  async remove() {
  }
};
var ProcessTreeDriver = class {
  name = "none";
  limitations = [
    "no cgroup: memory is the summed RSS of each process tree, without page cache, kernel or socket memory",
    "no memory limit can be enforced, so OOM kills cannot happen or be seen, and --memory-max is ignored",
    "a process that leaves its tree (double fork) is neither measured nor guaranteed to be cleaned up"
  ];
  guard;
  async create(side) {
    return new ProcessTreeGroup(side, this.guard);
  }
  async dispose() {
  }
};

// src/workload/cgroup/systemd.ts
import { existsSync as existsSync5 } from "node:fs";
import { randomBytes as randomBytes2 } from "node:crypto";
import { setTimeout as sleep4 } from "node:timers/promises";
var SLICE = "memgate.slice";
var SystemdDriver = class {
  name = "systemd";
  limitations = [];
  sudo;
  v2Mount;
  guard;
  constructor(v2Mount, asRoot) {
    this.v2Mount = v2Mount;
    this.sudo = asRoot ? [] : ["sudo", "-n"];
  }
  /** `side`, or `side/N` for one of a side's processes: a scope inside the side's slice (`memgate-side.slice`). */
  async create(side, memoryMaxBytes) {
    const [name, instance] = side.split("/");
    const unit = `memgate-${name}${instance ? `-${instance}` : ""}-${process.pid}-${randomBytes2(3).toString("hex")}`;
    const slice = instance ? `memgate-${name}.slice` : SLICE;
    const path6 = instance ? `${SLICE}/${slice}` : SLICE;
    this.guard?.scope(unit, this.sudo.length > 0);
    return new ScopeGroup(unit, `${this.v2Mount}/${path6}/${unit}.scope`, memoryMaxBytes, this.sudo, slice);
  }
  async dispose() {
  }
};
var ScopeGroup = class {
  location;
  unit;
  memoryMaxBytes;
  sudo;
  /** The last `systemctl kill` that failed, for remove()'s message. */
  killFailure = null;
  slice;
  constructor(unit, location, memoryMaxBytes, sudo, slice = SLICE) {
    this.unit = unit;
    this.slice = slice;
    this.location = location;
    this.memoryMaxBytes = memoryMaxBytes;
    this.sudo = sudo;
  }
  // systemd-run --scope is not a helper memgate waits on: it becomes the workload (it execs the command
  // inside the new scope), so the workload's own spawner (src/workload/process.ts) runs it.
  launch(command) {
    const properties = this.memoryMaxBytes === null ? [] : ["-p", `MemoryMax=${this.memoryMaxBytes}`, "-p", "MemorySwapMax=0"];
    const argv = [
      ...this.sudo,
      "systemd-run",
      "--scope",
      "--quiet",
      "--collect",
      `--unit=${this.unit}`,
      `--slice=${this.slice}`,
      ...properties,
      "--",
      "/bin/sh",
      "-c",
      command
    ];
    return { file: argv[0], args: argv.slice(1) };
  }
  adopt() {
  }
  // The pid we spawned is sudo's (outside the scope): the real ones are in cgroup.procs.
  pids() {
    return readPids(`${this.location}/cgroup.procs`);
  }
  readCurrent() {
    return readNumber(`${this.location}/memory.current`);
  }
  readStat() {
    const text = readText(`${this.location}/memory.stat`);
    return text === null ? null : statFromV2(parseKeyValues(text));
  }
  readPeak() {
    return readNumber(`${this.location}/memory.peak`);
  }
  readOomKills() {
    const text = readText(`${this.location}/memory.events`);
    return text === null ? null : parseKeyValues(text).get("oom_kill") ?? null;
  }
  signalAll(signal) {
    if (this.pids().length > 0) this.systemctl("kill", `--signal=${signal}`, `${this.unit}.scope`);
  }
  // Never throws: remove() comes next in the same teardown step, and its stop kills what is left.
  async killAll() {
    for (let attempt = 0; attempt < 100 && this.pids().length > 0; attempt++) {
      if (attempt % 10 === 0)
        this.killFailure = this.systemctl("kill", "--signal=SIGKILL", `${this.unit}.scope`).failure ?? this.killFailure;
      await sleep4(50);
    }
  }
  async remove() {
    const stop = this.systemctl("stop", `${this.unit}.scope`);
    if (!stop.ok && existsSync5(this.location)) {
      throw new Error(
        `${stop.failure}${this.killFailure ? `; before that ${this.killFailure}` : ""}; the scope ${this.unit}.scope is left: sudo systemctl stop ${this.unit}.scope`
      );
    }
  }
  systemctl(...args) {
    const argv = [...this.sudo, "systemctl", ...args];
    return runHelperSync(argv[0], argv.slice(1), { timeoutMs: 1e4 });
  }
};

// src/workload/cgroup/detect.ts
function probeHost() {
  const layout = readCgroupLayout();
  const controllers = layout.v2Mount ? readText(`${layout.v2Mount}/cgroup.controllers`) ?? "" : "";
  return {
    layout,
    isRoot: process.getuid?.() === 0,
    systemdIsInit: existsSync6("/run/systemd/system") && (readText("/proc/1/comm") ?? "").trim() === "systemd",
    v2HasMemory: controllers.split(/\s+/).includes("memory"),
    sudoWorks: () => runHelperSync("sudo", ["-n", "true"], { timeoutMs: 5e3 }).ok
  };
}
function writable2(dir) {
  if (dir === null) return false;
  try {
    accessSync2(dir, constants6.W_OK);
    return true;
  } catch {
    return false;
  }
}
function candidate(name, host) {
  const { layout } = host;
  switch (name) {
    case "systemd":
      if (!host.systemdIsInit || !layout.v2Mount) return { unusable: "systemd is not PID 1 here" };
      if (!host.v2HasMemory) return { unusable: "the cgroup v2 hierarchy has no memory controller" };
      if (!host.isRoot && !host.sudoWorks()) return { unusable: "not root and `sudo -n` asks for a password" };
      return { driver: new SystemdDriver(layout.v2Mount, host.isRoot) };
    case "v2":
      if (!layout.v2) return { unusable: "no cgroup v2 hierarchy is mounted" };
      if (!host.v2HasMemory)
        return { unusable: `the cgroup v2 hierarchy at ${layout.v2Mount} has no memory controller` };
      if (!writable2(layout.v2))
        return { unusable: `${layout.v2} is not writable (run as root, or use the systemd driver)` };
      return { driver: new CgroupfsDriver("v2", layout.v2) };
    case "v1":
      if (!layout.v1Memory) return { unusable: "no cgroup v1 memory hierarchy is mounted" };
      if (!writable2(layout.v1Memory)) return { unusable: `${layout.v1Memory} is not writable (run as root)` };
      return { driver: new CgroupfsDriver("v1", layout.v1Memory) };
    case "none":
      return { driver: new ProcessTreeDriver() };
  }
}
function selectDriver(choice, host) {
  if (choice !== "auto") {
    const picked = candidate(choice, host);
    if ("driver" in picked) return picked.driver;
    throw new UsageError(
      `--cgroup-driver ${choice} cannot be used: ${picked.unusable}. Use --cgroup-driver auto to let memgate choose.`
    );
  }
  const order2 = host.systemdIsInit ? ["systemd", "v2", "v1"] : ["v2", "v1", "systemd"];
  const refusals = [];
  for (const name of order2) {
    const picked = candidate(name, host);
    if ("driver" in picked) return picked.driver;
    refusals.push(`${name}: ${picked.unusable}`);
  }
  const anyMemoryController = host.v2HasMemory || host.layout.v1Memory !== null;
  if (!anyMemoryController) return new ProcessTreeDriver();
  throw new UsageError(
    `no privileges for any cgroup driver (${refusals.join("; ")}). Run as root, allow passwordless sudo, or pass --cgroup-driver none to measure process-tree RSS without cgroups.`
  );
}

// src/source/local-pair/start.ts
import { setTimeout as sleep6 } from "node:timers/promises";

// src/model/redact.ts
var CREDENTIAL_NAME = /(^|[_-])(TOKEN|SECRET|SECRETS|PASSWORD|PASSWD|PASSPHRASE|CREDENTIALS?|API_?KEY|PRIVATE_KEY|ACCESS_KEY|AUTH)([_-]|$)/i;
var MIN_SECRET_LENGTH = 8;
var REDACTED = "***";
function secretValues(env) {
  const values = Object.entries(env).filter(
    ([name, value4]) => CREDENTIAL_NAME.test(name) && value4 !== void 0 && value4.trim().length >= MIN_SECRET_LENGTH
  ).map(([, value4]) => value4.trim());
  return [...new Set(values)].sort((a2, b) => b.length - a2.length);
}
function redactText(text, secrets) {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}
function redactDeep(value4, secrets) {
  if (secrets.length === 0) return value4;
  const walk = (v) => {
    if (typeof v === "string") return redactText(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [redactText(k, secrets), walk(x)]));
    return v;
  };
  return walk(value4);
}

// src/workload/ports.ts
import { createServer, connect } from "node:net";
function freePort() {
  return new Promise((resolve7, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve7(port));
    });
  });
}
function portOpen(port, timeoutMs = 500) {
  return new Promise((resolve7) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (open2) => {
      socket.destroy();
      resolve7(open2);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

// src/workload/process.ts
import { spawn as spawn2 } from "node:child_process";
import { setTimeout as sleep5 } from "node:timers/promises";
var OUTPUT_TAIL = 20;
var Workload = class {
  side;
  command;
  port;
  group;
  child;
  tail = [];
  exitInfo = null;
  exited;
  /** Resolves once its output is read to the end as well (the last words of a graceful stop). */
  closed;
  /** `label`: how its output is prefixed in the log (`gray`, `gray#2`); `env`: the environment it gets. */
  /** `redact`: applied to its output before it is kept (secrets out of workloads.log and the report). */
  constructor(side, command, port, group, log, options2 = {}) {
    this.side = side;
    this.command = command;
    this.port = port;
    this.group = group;
    const launch = group.launch(command);
    this.child = spawn2(launch.file, launch.args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: options2.env ?? process.env,
      detached: launch.ownProcessGroup === true
    });
    if (this.child.pid !== void 0) group.adopt(this.child.pid);
    const label = options2.label ?? side;
    const keep = (chunk) => {
      const text = (options2.redact ?? String)(chunk.toString("utf8"));
      log?.write(
        text.split("\n").filter((l) => l !== "").map((l) => `[${label}] ${l}
`).join("")
      );
      this.tail.push(...text.split("\n").filter((l) => l.trim() !== ""));
      this.tail.splice(0, Math.max(0, this.tail.length - OUTPUT_TAIL));
    };
    this.child.stdout?.on("data", keep);
    this.child.stderr?.on("data", keep);
    this.exited = new Promise((resolve7) => {
      this.child.once("error", (error) => {
        this.tail.push(`could not start: ${error.message}`);
        this.exitInfo ??= { at: Date.now(), code: null, signal: null, lastOutput: [] };
        resolve7();
      });
      this.child.once("exit", (code2, signal) => {
        this.exitInfo ??= { at: Date.now(), code: code2, signal, lastOutput: [] };
        resolve7();
      });
    });
    this.closed = new Promise((resolve7) => {
      this.child.once("error", () => resolve7());
      this.child.once("close", () => resolve7());
    });
  }
  get alive() {
    return this.exitInfo === null;
  }
  /** How it ended, relative to the sampling clock's origin (epoch ms), or null while it runs. */
  exitRelativeTo(originMs, beforeReady) {
    if (!this.exitInfo) return null;
    return {
      atMs: this.exitInfo.at - originMs,
      code: this.exitInfo.code,
      signal: this.exitInfo.signal,
      beforeReady,
      lastOutput: [...this.tail]
    };
  }
  /** Resolves when the port accepts connections ('ready'), the process ends, or time runs out. */
  async waitReady(timeoutMs, signal) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (signal.aborted) return "aborted";
      if (!this.alive) return "exited";
      if (this.port === null) {
        await sleep5(300);
        return this.alive ? "ready" : "exited";
      }
      if (await portOpen(this.port)) return "ready";
      await sleep5(50);
    }
    return this.alive ? "timeout" : "exited";
  }
};
var LoadProcess = class {
  child;
  finished = false;
  side;
  exited;
  constructor(side, command, log, options2 = {}) {
    this.side = side;
    this.child = spawn2("/bin/sh", ["-c", command], {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      env: options2.env ?? process.env
    });
    const write = (chunk) => log?.write(
      (options2.redact ?? String)(chunk.toString("utf8")).split("\n").filter((l) => l !== "").map((l) => `[load ${side}] ${l}
`).join("")
    );
    this.child.stdout?.on("data", write);
    this.child.stderr?.on("data", write);
    this.exited = new Promise((resolve7) => {
      this.child.once("error", () => resolve7(null));
      this.child.once("close", (code2) => {
        this.finished = true;
        resolve7(code2);
      });
    });
  }
  get running() {
    return !this.finished;
  }
  /** Its process group id (it leads its own group), for the watchdog. */
  get pid() {
    return this.child.pid;
  }
  async stop() {
    const pid = this.child.pid;
    if (pid === void 0) return;
    for (const signal of ["SIGTERM", "SIGKILL"]) {
      try {
        process.kill(-pid, signal);
      } catch {
        return;
      }
      if (signal === "SIGTERM") await Promise.race([this.exited, sleep5(1e3, void 0, { ref: false })]);
    }
  }
};

// src/source/local-pair/start.ts
function workloadEnv(base, memProfileRate) {
  if (memProfileRate === null) return base;
  const godebug = [base.GODEBUG, `memprofilerate=${memProfileRate}`].filter(Boolean).join(",");
  return { ...base, GODEBUG: godebug };
}
var SECRET_NAME = /^(ACTIONS_|INPUT_)|^(GITHUB_TOKEN|GH_TOKEN|GH_ENTERPRISE_TOKEN|GITHUB_PAT)$|(^|_)(TOKEN|SECRET|SECRETS|PASSWORD|PASSWD|PASSPHRASE|CREDENTIALS?|API_?KEY|PRIVATE_KEY|ACCESS_KEY|AUTH)(_|$)/i;
function scrubEnv(base, pass) {
  const env = {};
  const dropped = [];
  for (const [name, value4] of Object.entries(base)) {
    if (SECRET_NAME.test(name) && !pass.includes(name)) dropped.push(name);
    else env[name] = value4;
  }
  return { env, dropped: dropped.sort() };
}
function groupName(side, instance, replicas) {
  return replicas === 1 ? side : `${side}/${instance + 1}`;
}
function substitute(command, port, url) {
  let out = command;
  if (port !== null) out = out.replaceAll(Placeholder.Port, String(port));
  if (url !== null) out = out.replaceAll(Placeholder.Url, url);
  return out;
}
async function startPair(plan2, driver, teardown, log, env = process.env) {
  const replicas = plan2.replicas;
  const groups = { baseline: [], gray: [] };
  const created = [];
  teardown.add("removing the driver root", () => driver.dispose());
  teardown.add("removing the cgroups", async () => {
    const failures = [];
    for (const group of [...created].reverse())
      await group.remove().catch((error) => failures.push(`${group.location}: ${errorMessage(error)}`));
    if (failures.length) throw new Error(failures.join("; "));
  });
  for (let i2 = 0; i2 < replicas; i2++) {
    for (const side of SIDES) {
      const group = await driver.create(groupName(side, i2, replicas), plan2.memoryMaxBytes);
      groups[side].push(group);
      created.push(group);
    }
  }
  const instances = { baseline: [], gray: [] };
  teardown.add(
    "stopping the workloads",
    () => stopWorkloads(
      SIDES.flatMap((side) => instances[side]),
      plan2.stopTimeoutMs,
      log
    )
  );
  const childEnv = workloadEnv(scrubEnv(env, plan2.passEnv).env, plan2.memProfileRate);
  const secrets = secretValues(env);
  const redact = (text) => redactText(text, secrets);
  for (let i2 = 0; i2 < replicas; i2++) {
    for (const side of SIDES) {
      const port = plan2.commands[side].includes(Placeholder.Port) ? await freePort() : null;
      const label = replicas === 1 ? side : `${side}#${i2 + 1}`;
      const workload = new Workload(side, substitute(plan2.commands[side], port, null), port, groups[side][i2], log, {
        label,
        env: childEnv,
        redact
      });
      instances[side].push({ group: groups[side][i2], workload });
    }
  }
  return {
    instances,
    groups: { baseline: groups.baseline[0], gray: groups.gray[0] },
    workloads: { baseline: instances.baseline[0].workload, gray: instances.gray[0].workload }
  };
}
async function stopWorkloads(instances, timeoutMs, log) {
  const running = () => instances.filter((i2) => i2.group.pids().length > 0);
  const note = (text) => {
    if (!log.destroyed && !log.writableEnded) log.write(`[memgate] ${text}
`);
  };
  const live = running();
  if (live.length > 0 && timeoutMs > 0) {
    note(
      `stopping: SIGTERM to ${live.length} workload group${live.length === 1 ? "" : "s"}, ${formatDuration(timeoutMs)} to exit`
    );
    for (const { group } of live) group.signalAll("SIGTERM");
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && running().length > 0) await sleep6(50);
    const left = running();
    note(
      left.length === 0 ? "stopped: every workload exited on SIGTERM" : `still running after ${formatDuration(timeoutMs)}: ${left.map((i2) => i2.workload.command.slice(0, 80)).join("; ")}; SIGKILL`
    );
  }
  const failures = [];
  await Promise.all(
    instances.map(
      ({ group }) => group.killAll().catch((error) => failures.push(`${group.location}: ${errorMessage(error)}`))
    )
  );
  await Promise.race([Promise.all(instances.map((i2) => i2.workload.closed)), sleep6(1e3)]);
  if (failures.length) throw new Error(failures.join("; "));
}
async function waitForAll(plan2, { instances }, signal) {
  const waits = SIDES.map(
    (side) => Promise.all(instances[side].map((i2) => i2.workload.waitReady(plan2.readyTimeoutMs, signal)))
  );
  const [baseline, gray2] = await Promise.all(waits);
  const readiness = { baseline, gray: gray2 };
  for (const side of SIDES) {
    const late = readiness[side].findIndex((r) => r === "timeout");
    if (late >= 0) {
      throw new UsageError(
        `${side} did not open port ${instances[side][late].workload.port} within ${formatDuration(plan2.readyTimeoutMs)}; make the command listen on 127.0.0.1:{port} (memgate puts a free port there), or raise --ready-timeout.`
      );
    }
  }
  return readiness;
}
function sideReadiness(readiness) {
  return SIDES.map((side) => readiness[side].find((r) => r !== "ready") ?? "ready");
}
function startLoads(load3, { instances }, teardown, log, warnings, windowOver, signal, options2 = {}) {
  for (const side of SIDES) {
    for (const [i2, { workload: w }] of instances[side].entries()) {
      const who = instances[side].length === 1 ? side : `${side} #${i2 + 1}`;
      const url = w.port === null ? null : `http://127.0.0.1:${w.port}`;
      const secrets = secretValues(globalThis.process.env);
      const process10 = new LoadProcess(side, substitute(load3, w.port, url), log, {
        env: options2.env,
        redact: (text) => redactText(text, secrets)
      });
      if (process10.pid !== void 0) options2.guard?.processGroup(process10.pid);
      teardown.add(`stopping the ${who} load`, () => process10.stop());
      void process10.exited.then((code2) => {
        if (w.alive && !windowOver() && !signal.aborted)
          warnings.push(`the ${who} load command ended early (status ${code2}) before the window was over`);
      });
    }
  }
}

// src/workload/cgroup/orphans.ts
import { existsSync as existsSync7, readdirSync as readdirSync2, writeFileSync as writeFileSync6 } from "node:fs";
import { join as join8 } from "node:path";
import { setTimeout as sleep7 } from "node:timers/promises";
var CGROUPFS_ORPHAN = /^memgate-(\d+)-[0-9a-f]+$/;
var SCOPE_ORPHAN = /^memgate-[a-z]+(?:-\d+)?-(\d+)-[0-9a-f]+\.scope$/;
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function subdirs(dir) {
  try {
    return readdirSync2(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join8(dir, e.name));
  } catch {
    return [];
  }
}
async function removeTree(dir) {
  for (const child of subdirs(dir)) await removeTree(child);
  for (let attempt = 0; attempt < 100 && readPids(join8(dir, "cgroup.procs")).length > 0; attempt++) {
    const kill = join8(dir, "cgroup.kill");
    if (existsSync7(kill)) {
      try {
        writeFileSync6(kill, "1");
      } catch {
        killPids(readPids(join8(dir, "cgroup.procs")));
      }
    } else {
      killPids(readPids(join8(dir, "cgroup.procs")));
    }
    await sleep7(20);
  }
  await removeDir(dir);
}
async function sweepCgroupfs(parents, alive = pidAlive) {
  const result = { removed: [], failed: [] };
  for (const parent of new Set(parents)) {
    if (!parent) continue;
    for (const dir of subdirs(parent)) {
      const match = CGROUPFS_ORPHAN.exec(dir.slice(parent.length + 1));
      if (!match || alive(Number(match[1]))) continue;
      try {
        await removeTree(dir);
        result.removed.push(dir);
      } catch (error) {
        result.failed.push(`${dir}: ${errorMessage(error)}`);
      }
    }
  }
  return result;
}
function sweepScopes(v2Mount, sudo, alive = pidAlive) {
  const result = { removed: [], failed: [] };
  if (!v2Mount) return result;
  const slice = join8(v2Mount, "memgate.slice");
  const scopes = [
    ...subdirs(slice),
    ...subdirs(slice).filter((d) => d.endsWith(".slice")).flatMap(subdirs)
  ];
  for (const dir of scopes) {
    const unit = dir.slice(dir.lastIndexOf("/") + 1);
    const match = SCOPE_ORPHAN.exec(unit);
    if (!match || alive(Number(match[1]))) continue;
    const prefix = sudo ? ["sudo", "-n"] : [];
    const systemctl = (...args) => runHelperSync(prefix[0] ?? "systemctl", [...prefix.slice(1), ...prefix.length ? ["systemctl"] : [], ...args], {
      timeoutMs: 1e4
    });
    systemctl("kill", "--signal=SIGKILL", unit);
    const stop = systemctl("stop", unit);
    if (existsSync7(dir) && !stop.ok) result.failed.push(`${unit}: ${stop.failure}`);
    else result.removed.push(unit);
  }
  return result;
}
async function sweepOrphans(layout, options2) {
  try {
    const groups = await sweepCgroupfs([layout.v1Memory, layout.v2], options2.alive);
    const scopes = sweepScopes(layout.v2Mount, options2.sudo, options2.alive);
    return { removed: [...groups.removed, ...scopes.removed], failed: [...groups.failed, ...scopes.failed] };
  } catch (error) {
    return { removed: [], failed: [errorMessage(error)] };
  }
}

// src/workload/watchdog.ts
import { spawn as spawn3 } from "node:child_process";
import { setTimeout as sleep8 } from "node:timers/promises";
var WATCHDOG_NAME = "memgate-watchdog";
var SCRIPT = `
trap '' INT TERM HUP PIPE
nl='
'
list=''
while IFS= read -r line; do
  if [ "$line" = done ]; then list=''; else list="$line$nl$list"; fi
done
[ -z "$list" ] && exit 0
killgroup() {
  if [ -e "$1/cgroup.kill" ]; then echo 1 > "$1/cgroup.kill" 2>/dev/null && return; fi
  while read -r p; do kill -KILL "$p" 2>/dev/null; done < "$1/cgroup.procs"
}
# First everything at once (builtins only: forks are slow on a loaded machine), then groups one by one.
printf '%s' "$list" | while IFS= read -r line; do
  kind=\${line%% *}; arg=\${line#* }
  case "$kind" in
    pg) kill -KILL -- "-$arg" 2>/dev/null ;;
    cg) [ -d "$arg" ] && killgroup "$arg" 2>/dev/null ;;
  esac
done
printf '%s' "$list" | while IFS= read -r line; do
  kind=\${line%% *}; arg=\${line#* }
  case "$kind" in
    sd) pre=''; unit=\${arg#* }; [ "\${arg%% *}" = sudo ] && pre='sudo -n'
        $pre systemctl kill --signal=SIGKILL "$unit.scope" >/dev/null 2>&1
        $pre systemctl stop "$unit.scope" >/dev/null 2>&1 ;;
    cg) n=0
        while [ -d "$arg" ] && ! rmdir "$arg" 2>/dev/null && [ $n -lt 150 ]; do
          killgroup "$arg" 2>/dev/null; sleep 0.02; n=$((n+1))
        done ;;
  esac
done
`;
var Watchdog = class {
  child;
  exited;
  closed = false;
  constructor() {
    this.child = spawn3("/bin/sh", ["-c", SCRIPT, WATCHDOG_NAME], {
      stdio: ["pipe", "ignore", "ignore"],
      detached: true
    });
    this.child.stdin?.on("error", () => {
    });
    this.exited = new Promise((resolve7) => {
      this.child.once("error", () => resolve7());
      this.child.once("exit", () => resolve7());
    });
    this.child.unref();
    this.child.stdin?.unref?.();
  }
  get pid() {
    return this.child.pid;
  }
  record(line) {
    if (this.closed || /[\r\n]/.test(line)) return;
    this.child.stdin?.write(`${line}
`);
  }
  cgroup(dir) {
    this.record(`cg ${dir}`);
  }
  scope(unit, sudo) {
    this.record(`sd ${sudo ? "sudo" : "-"} ${unit}`);
  }
  processGroup(pgid) {
    this.record(`pg ${pgid}`);
  }
  /**
   * Ends the watchdog. `cleanedUp`: memgate's own teardown removed everything, so the watchdog exits
   * without acting; otherwise it kills and removes what was recorded. Waits up to 5 s for it to end.
   */
  async close(cleanedUp) {
    if (this.closed) return;
    this.closed = true;
    if (cleanedUp) this.child.stdin?.write("done\n");
    this.child.stdin?.end();
    const timer = sleep8(5e3);
    await Promise.race([this.exited, timer]);
  }
};

// src/source/local-pair/teardown.ts
var Teardown = class {
  steps = [];
  add(what2, run3) {
    this.steps.push({ what: what2, run: run3 });
  }
  /** True when every step succeeded (the watchdog then has nothing left to do). */
  async run(logger) {
    let ok = true;
    for (const step of this.steps.reverse()) {
      try {
        await step.run();
      } catch (error) {
        ok = false;
        logger.warn(`cleanup: ${step.what} failed: ${error.message}`);
      }
    }
    this.steps.length = 0;
    return ok;
  }
};

// src/source/local-pair/window.ts
import { performance as performance4 } from "node:perf_hooks";

// src/collect/sampler.ts
import { performance as performance2 } from "node:perf_hooks";
import { setTimeout as sleep9 } from "node:timers/promises";
var meanOf = (values) => {
  const present2 = values.filter((v) => v !== null);
  return present2.length === values.length && present2.length > 0 ? Math.round(present2.reduce((a2, b) => a2 + b, 0) / present2.length) : null;
};
async function sampleMemory(options2) {
  const { groups, intervalMs, totalMs } = options2;
  const samples = [];
  const stats = [];
  const origin = performance2.now();
  let nextStat = 0;
  let nextProgress = options2.progressEveryMs;
  for (let tick = 0; ; tick++) {
    const due = tick * intervalMs;
    if (due > totalMs) return { samples, stats, endedEarly: null };
    const wait = origin + due - performance2.now();
    if (wait > 0) await sleep9(wait);
    if (options2.signal.aborted) return { samples, stats, endedEarly: "interrupted" };
    const t = Math.round((performance2.now() - origin) * 10) / 10;
    const replicas = Math.max(groups.baseline.length, groups.gray.length);
    const readings2 = { baseline: [], gray: [] };
    for (let i2 = 0; i2 < replicas; i2++)
      for (const side of SIDES) readings2[side].push(groups[side][i2]?.readCurrent() ?? null);
    const sample = replicas === 1 ? { t, baseline: readings2.baseline[0], gray: readings2.gray[0] } : { t, baseline: meanOf(readings2.baseline), gray: meanOf(readings2.gray), instances: readings2 };
    samples.push(sample);
    if (t >= nextStat) {
      for (const side of SIDES) {
        for (const [instance, group] of groups[side].entries()) {
          const stat2 = group.readStat();
          if (stat2) stats.push(replicas === 1 ? { t, side, ...stat2 } : { t, side, instance, ...stat2 });
        }
      }
      nextStat += options2.statEveryMs;
    }
    if (t >= nextProgress) {
      options2.onProgress(sample);
      nextProgress += options2.progressEveryMs;
    }
    const reason = options2.stopReason();
    if (reason !== null) return { samples, stats, endedEarly: reason };
  }
}

// src/collect/pprof-collector.ts
import { mkdirSync as mkdirSync5, writeFileSync as writeFileSync7 } from "node:fs";
import { join as join9 } from "node:path";
import { performance as performance3 } from "node:perf_hooks";

// src/collect/pprof-fetch.ts
var MAX_PROFILE_BYTES = 64 * 1024 * 1024;
function profileUrl(base, kind) {
  const root = base.replace(/\/+$/, "");
  return kind === "heap" ? `${root}/heap?gc=1` : `${root}/goroutine?debug=2`;
}
function describe2(error) {
  const e = error;
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return "no answer in time";
  const cause = e?.cause?.code ?? e?.cause?.message;
  return cause ? `${e?.message ?? "fetch failed"}: ${cause}` : e?.message ?? String(error);
}
async function fetchProfile(url, timeoutMs, signal) {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const timeout = AbortSignal.timeout(timeoutMs);
    const response = await fetch(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      redirect: "follow"
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {
      });
      return { ok: false, error: `HTTP ${response.status} from ${url}`, ms: ms() };
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      const bytes3 = chunk;
      size += bytes3.length;
      if (size > MAX_PROFILE_BYTES) {
        await response.body?.cancel().catch(() => {
        });
        return { ok: false, error: `answer larger than ${MAX_PROFILE_BYTES / 1024 / 1024} MiB from ${url}`, ms: ms() };
      }
      chunks.push(bytes3);
    }
    return { ok: true, data: Buffer.concat(chunks), ms: ms() };
  } catch (error) {
    return { ok: false, error: `${describe2(error)} (${url})`, ms: ms() };
  }
}

// src/collect/pprof-collector.ts
var KINDS = ["heap", "goroutine"];
var PROFILE_FETCH_TIMEOUT_MS = 1e4;
var EXTENSION = { heap: "pb.gz", goroutine: "txt" };
var END_GAP_SHARE = 0.5;
var JITTER_SHARE = 0.2;
var ProfileCollector = class {
  options;
  origin = performance3.now();
  dir;
  entries = [];
  data = {};
  warned = /* @__PURE__ */ new Set();
  timers = [];
  running = null;
  seq = 0;
  skipped = 0;
  lastDoneAt = -Infinity;
  stopped = false;
  constructor(options2) {
    this.options = options2;
    this.dir = join9(options2.bundleDir, PROFILE_DIR);
    mkdirSync5(this.dir, { recursive: true });
    this.writeIndex();
  }
  /** Milliseconds since this collector was made: the sampling clock when made just before sampling. */
  now() {
    return performance3.now() - this.origin;
  }
  /**
   * Schedules snapshots at `firstAtMs`, then about every interval, while before `endAtMs` (the final
   * one is `finish`'s). Each later one is moved by up to a fifth of the interval, at random: a service's
   * own periodic work (a 2 s ticker against a 2 s interval) must not be caught at the same phase, or
   * missed, every time.
   */
  start(firstAtMs, endAtMs) {
    const { intervalMs } = this.options;
    for (let at = firstAtMs; at === firstAtMs || at < endAtMs - END_GAP_SHARE * intervalMs; at += intervalMs) {
      const jitter = at === firstAtMs ? 0 : (Math.random() - 0.5) * 2 * JITTER_SHARE * intervalMs;
      const timer = setTimeout(() => this.tick(), Math.max(0, at + jitter - this.now()));
      this.timers.push(timer);
    }
  }
  tick() {
    if (this.stopped || this.options.signal.aborted) return;
    if (this.running) {
      this.skipped++;
      return;
    }
    this.running = this.snapshot().finally(() => {
      this.running = null;
    });
  }
  async snapshot() {
    const seq = this.seq++;
    const jobs = [];
    for (const side of SIDES) {
      const bases = this.options.instanceUrls?.[side] ?? [this.options.urls[side]];
      for (const [instance, base] of bases.entries()) {
        if (base === null) continue;
        jobs.push(
          (async () => {
            for (const kind of KINDS) await this.fetchOne(side, kind, base, seq, instance);
          })()
        );
      }
    }
    await Promise.all(jobs);
    this.lastDoneAt = this.now();
    this.writeIndex();
  }
  async fetchOne(side, kind, base, seq, instance) {
    const t = Math.round(this.now() * 10) / 10;
    const result = await fetchProfile(profileUrl(base, kind), this.options.timeoutMs, this.options.signal);
    const entry = {
      side,
      ...instance > 0 ? { instance } : {},
      kind,
      seq,
      t,
      file: null,
      bytes: null,
      error: null,
      fetchMs: result.ms
    };
    if (result.ok) {
      const file = `${PROFILE_DIR}/${side}${instance > 0 ? `-${instance + 1}` : ""}-${kind}-${String(seq).padStart(3, "0")}.${EXTENSION[kind]}`;
      try {
        writeFileSync7(join9(this.options.bundleDir, file), result.data);
        entry.file = file;
        entry.bytes = result.data.length;
        this.data[file] = result.data;
      } catch (error) {
        entry.error = `could not save it: ${error.message}`;
      }
    } else {
      entry.error = result.error;
    }
    if (entry.error !== null && !this.warned.has(`${side}/${kind}`) && !this.options.signal.aborted) {
      this.warned.add(`${side}/${kind}`);
      this.options.logger.warn(
        `${side} ${kind === "heap" ? "heap profile" : "goroutine dump"} not fetched: ${entry.error}; the gate goes on without it`
      );
    }
    this.entries.push(entry);
  }
  /** Stops the schedule (teardown on failure): no final snapshot. */
  stop() {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
  }
  /** Ends collection with the final snapshot (while both sides still run) and returns what was fetched. */
  async finish() {
    this.stop();
    await this.running;
    if (!this.options.signal.aborted && this.now() - this.lastDoneAt > Math.min(1e3, this.options.intervalMs / 4))
      await this.snapshot();
    if (this.skipped > 0) {
      this.options.notes.push(
        `${this.skipped} profile snapshot(s) skipped because the one before was still being fetched; raise --profile-interval`
      );
    }
    this.writeIndex();
    return { ...this.index(), data: { ...this.data } };
  }
  index() {
    const entries = [...this.entries].sort(
      (a2, b) => a2.seq - b.seq || a2.side.localeCompare(b.side) || (a2.instance ?? 0) - (b.instance ?? 0) || a2.kind.localeCompare(b.kind)
    );
    return {
      schema: PROFILE_INDEX_SCHEMA,
      urls: this.options.urls,
      ...this.options.instanceUrls ? { instanceUrls: this.options.instanceUrls } : {},
      intervalMs: this.options.intervalMs,
      entries,
      notes: [...this.options.notes]
    };
  }
  writeIndex() {
    try {
      writeFileSync7(join9(this.dir, PROFILE_INDEX_FILE), JSON.stringify(this.index(), null, 2) + "\n");
    } catch (error) {
      this.options.logger.warn(`could not write the profile index: ${error.message}`);
    }
  }
};
function describeCollection(urls, intervalMs) {
  const where = SIDES.map((side) => `${side} ${urls[side] ?? "off"}`).join(", ");
  return `memgate: heap profiles and goroutine dumps every ${formatDuration(intervalMs)} and at both ends of the window (${where})`;
}
function startProfiling(plan2) {
  if (SIDES.every((side) => plan2.templates[side] === null)) return null;
  const urls = {};
  const instanceUrls = {};
  const notes = [];
  for (const side of SIDES) {
    const template = plan2.templates[side];
    instanceUrls[side] = plan2.ports[side].map(
      (port) => template === null || template.includes("{port}") && port === null ? null : template.replaceAll("{port}", String(port))
    );
    urls[side] = instanceUrls[side][0] ?? null;
    if (template !== null && template.includes("{port}") && plan2.ports[side][0] === null) {
      notes.push(
        `the ${side} command has no {port}, so memgate does not know its pprof address; no ${side} profiles (give --${side}-pprof URL)`
      );
    } else if (template !== null && !template.includes("{port}") && plan2.ports[side].length > 1) {
      instanceUrls[side] = instanceUrls[side].map((url, i2) => i2 === 0 ? url : null);
    }
  }
  for (const note of notes) plan2.logger.warn(note);
  const replicas = Math.max(...SIDES.map((side) => plan2.ports[side].length));
  const collector = new ProfileCollector({
    bundleDir: plan2.bundleDir,
    urls,
    ...replicas > 1 ? { instanceUrls } : {},
    intervalMs: plan2.intervalMs,
    timeoutMs: Math.min(PROFILE_FETCH_TIMEOUT_MS, Math.max(2e3, plan2.intervalMs * 2)),
    notes,
    logger: plan2.logger,
    signal: plan2.signal
  });
  if (SIDES.some((side) => urls[side] !== null)) {
    plan2.logger.info(describeCollection(urls, plan2.intervalMs));
    collector.start(plan2.warmupMs, plan2.totalMs);
  }
  return collector;
}

// src/collect/ebpf-collector.ts
import { mkdirSync as mkdirSync6, writeFileSync as writeFileSync8 } from "node:fs";
import { join as join10 } from "node:path";

// src/collect/ebpf-parse.ts
var MAX_TRACE_FRAMES = 256;
var MAX_SYMBOL_TEXT = 1024;
var ENTRY_START = /^@alloc\[(\d+), (\d+), ?$/;
var ENTRY_END = /^\]: count (\d+), average (-?\d+), total (-?\d+)\s*$/;
var RATE = /^@rate\[(\d+)\]: (-?\d+)\s*$/;
var NOISE = /^(Attaching \d+ probes?\.\.\.|\s*)$/;
var isHex = (c3) => c3 >= "0" && c3 <= "9" || c3 >= "a" && c3 <= "f" || c3 >= "A" && c3 <= "F";
function parseFrame(line) {
  if (line === "" || line[0].trim() !== "") return null;
  let i2 = 0;
  while (i2 < line.length && line[i2].trim() === "") i2++;
  const hexStart = i2;
  while (i2 < line.length && isHex(line[i2])) i2++;
  if (i2 === hexStart || i2 - hexStart > 16) return null;
  const addr = BigInt(`0x${line.slice(hexStart, i2)}`);
  let rest = line.slice(i2).trimEnd();
  if (rest !== "" && rest[0] !== " ") return null;
  if (rest.endsWith(")")) {
    const open2 = rest.lastIndexOf(" (");
    if (open2 >= 0 && !rest.slice(open2 + 2, -1).includes(")")) rest = rest.slice(0, open2);
  }
  let text = rest.trim();
  if (text.length > MAX_SYMBOL_TEXT) text = text.slice(0, MAX_SYMBOL_TEXT);
  if (text === "" || /^0x[0-9a-f]+$/i.test(text)) return { addr, symbol: null, offset: 0 };
  const plus = text.lastIndexOf("+");
  if (plus > 0 && /^\d+$/.test(text.slice(plus + 1)))
    return { addr, symbol: text.slice(0, plus), offset: Number(text.slice(plus + 1)) };
  return { addr, symbol: text, offset: 0 };
}
function parseBpftraceOutput(text) {
  const out = {
    attached: false,
    records: [],
    rates: /* @__PURE__ */ new Map(),
    skipped: 0,
    firstSkipped: null,
    truncated: false,
    framesCut: 0
  };
  const skip = (line) => {
    out.skipped++;
    out.firstSkipped ??= line.length > 120 ? `${line.slice(0, 120)}...` : line;
  };
  let open2 = null;
  for (const line of text.split("\n")) {
    if (open2) {
      const frame = parseFrame(line);
      if (frame) {
        if (open2.frames.length < MAX_TRACE_FRAMES) open2.frames.push(frame);
        else out.framesCut++;
        continue;
      }
      const end = ENTRY_END.exec(line);
      if (end) {
        const count2 = Number(end[1]);
        const total = Number(end[3]);
        if (Number.isSafeInteger(count2) && Number.isSafeInteger(total) && count2 > 0 && total >= 0) {
          out.records.push({ pid: open2.pid, goid: open2.goid, frames: open2.frames, count: count2, total });
        } else {
          skip(line);
        }
        open2 = null;
        continue;
      }
      skip(open2.header);
      open2 = null;
    }
    if (line.trim() === ATTACHED_MARKER) {
      out.attached = true;
      continue;
    }
    const start = ENTRY_START.exec(line);
    if (start) {
      open2 = { pid: Number(start[1]), goid: Number(start[2]), frames: [], header: line };
      continue;
    }
    const rate3 = RATE.exec(line);
    if (rate3) {
      out.rates.set(Number(rate3[1]), Number(rate3[2]));
      continue;
    }
    if (NOISE.test(line)) continue;
    skip(line);
  }
  if (open2) out.truncated = true;
  return out;
}

// src/collect/ebpf-tracer.ts
import { spawn as spawn4 } from "node:child_process";
import { createWriteStream as createWriteStream2 } from "node:fs";
import { setTimeout as sleep10 } from "node:timers/promises";
var MAP_KEYS_MAX = 32768;
var WRAPPER = 'env BPFTRACE_MAP_KEYS_MAX="$1" BPFTRACE_MAX_MAP_KEYS="$1" BPFTRACE_CACHE_USER_SYMBOLS=1 "$2" "$3" & b=$!; cat >/dev/null; kill -INT $b 2>/dev/null; wait $b';
var TracerProcess = class {
  child;
  tracer;
  out;
  err;
  stdoutText = "";
  stderrText = "";
  exitCode = null;
  done = false;
  exited;
  /** Resolves true once the probes are attached (BEGIN ran), false if the tracer ended first. */
  attached;
  constructor(tracer, files) {
    this.tracer = tracer;
    this.out = createWriteStream2(files.stdout);
    this.err = createWriteStream2(files.stderr);
    this.out.on("error", () => {
    });
    this.err.on("error", () => {
    });
    const argv = [
      ...tracer.prefix,
      "/bin/sh",
      "-c",
      WRAPPER,
      "memgate-tracer",
      String(MAP_KEYS_MAX),
      tracer.bpftrace,
      files.script
    ];
    this.child = spawn4(argv[0], argv.slice(1), { stdio: ["pipe", "pipe", "pipe"], detached: true });
    this.child.stdin?.on("error", () => {
    });
    let markSeen = () => {
    };
    this.attached = new Promise((resolve7) => markSeen = resolve7);
    this.child.stdout?.setEncoding("utf8");
    this.child.stderr?.setEncoding("utf8");
    this.child.stdout?.on("data", (chunk) => {
      this.stdoutText += chunk;
      this.out.write(chunk);
      if (this.stdoutText.includes(ATTACHED_MARKER)) markSeen(true);
    });
    this.child.stderr?.on("data", (chunk) => {
      if (this.stderrText.length < 1024 * 1024) this.stderrText += chunk;
      this.err.write(chunk);
    });
    this.exited = new Promise((resolve7) => {
      const finish = (code2) => {
        this.done = true;
        this.exitCode = code2;
        markSeen(false);
        resolve7(code2);
      };
      this.child.once("error", () => finish(null));
      this.child.once("close", (code2) => finish(code2));
    });
  }
  get pid() {
    return this.child.pid;
  }
  get running() {
    return !this.done;
  }
  get stdout() {
    return this.stdoutText;
  }
  get stderr() {
    return this.stderrText;
  }
  /** Asks the tracer to print and detach; kills it if it has not finished within `timeoutMs`. */
  async stop(timeoutMs) {
    if (this.done) {
      await this.closeFiles();
      return { stopped: "exited-early", code: this.exitCode };
    }
    this.child.stdin?.end();
    const finished7 = await Promise.race([
      this.exited.then(() => true),
      sleep10(timeoutMs, void 0, { ref: false }).then(() => false)
    ]);
    if (!finished7) {
      this.kill();
      await Promise.race([this.exited, sleep10(5e3, void 0, { ref: false })]);
    }
    await this.closeFiles();
    return { stopped: finished7 ? "clean" : "killed", code: this.exitCode };
  }
  /** SIGKILL to the tracer's whole process group (the shell, bpftrace, cat). Safe to call twice. */
  kill() {
    const pid = this.child.pid;
    if (pid === void 0 || this.done) return;
    if (this.tracer.prefix.length === 0) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
      }
    } else {
      runHelperSync(this.tracer.prefix[0], [...this.tracer.prefix.slice(1), "kill", "-KILL", "--", `-${pid}`], {
        timeoutMs: 1e4
      });
    }
  }
  closing = null;
  closeFiles() {
    this.closing ??= Promise.all([new Promise((r) => this.out.end(r)), new Promise((r) => this.err.end(r))]).then(
      () => void 0
    );
    return this.closing;
  }
};

// src/collect/ebpf-targets.ts
import { readFileSync as readFileSync8 } from "node:fs";

// src/collect/ebpf-proc.ts
import { readFileSync as readFileSync7, readlinkSync, statSync as statSync3 } from "node:fs";
function readExe(pid, prefix) {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    if (prefix.length === 0) return null;
    const r = runHelperSync(prefix[0], [...prefix.slice(1), "readlink", `/proc/${pid}/exe`], { timeoutMs: 1e4 });
    return r.ok ? r.stdout.trim() || null : null;
  }
}
function readMaps(pid, prefix) {
  try {
    return readFileSync7(`/proc/${pid}/maps`, "utf8");
  } catch {
    if (prefix.length === 0) return null;
    const r = runHelperSync(prefix[0], [...prefix.slice(1), "cat", `/proc/${pid}/maps`], { timeoutMs: 1e4 });
    return r.ok ? r.stdout : null;
  }
}
function exeIdentity(pid, exe) {
  try {
    const st = statSync3(`/proc/${pid}/exe`);
    return `${st.dev}:${st.ino}`;
  } catch {
    return exe;
  }
}
function loadBias(maps, exe) {
  for (const line of maps.split("\n")) {
    const m = /^([0-9a-f]+)-[0-9a-f]+ \S+ ([0-9a-f]+) \S+ \d+\s+(.*)$/.exec(line);
    if (m && m[3].replace(/ \(deleted\)$/, "") === exe && BigInt(`0x${m[2]}`) === 0n) return BigInt(`0x${m[1]}`);
  }
  return null;
}
var USER_HZ = 100;
function processAgeSec(pid) {
  try {
    const stat2 = readFileSync7(`/proc/${pid}/stat`, "utf8");
    const startTicks = Number(stat2.slice(stat2.lastIndexOf(")") + 2).split(" ")[19]);
    const uptime = Number(readFileSync7("/proc/uptime", "utf8").split(" ")[0]);
    const age = uptime - startTicks / USER_HZ;
    return Number.isFinite(age) && age >= 0 ? age : null;
  } catch {
    return null;
  }
}

// src/collect/ebpf-targets.ts
function findTargets(groups, mode, prefix, note, untraced) {
  const byInode = /* @__PURE__ */ new Map();
  const checked = /* @__PURE__ */ new Map();
  const sidePids = {};
  for (const side of SIDES) {
    const found = [];
    const problems = [];
    for (const pid of groups[side].pids()) {
      const exe = readExe(pid, prefix);
      if (!exe) continue;
      const inode = exeIdentity(pid, exe);
      const deleted = exe.endsWith(" (deleted)");
      const readPath = deleted ? `/proc/${pid}/exe` : exe;
      let result = checked.get(inode);
      if (!result) {
        result = checkBinary(readPath, mode, (p) => {
          try {
            return readFileSync8(p);
          } catch {
            return readFileSync8(`/proc/${pid}/exe`);
          }
        });
        checked.set(inode, result);
      }
      if (!result.ok) {
        if (result.binary && (result.binary.goVersion !== null || result.binary.symbol("runtime.mallocgc")))
          problems.push(result);
        continue;
      }
      found.push({ pid, exe });
      let target = byInode.get(inode);
      if (!target) {
        const probePath = !deleted && safeProbePath(exe) ? exe : `/proc/${pid}/exe`;
        target = {
          probe: {
            binary: probePath,
            pids: [],
            arch: result.arch,
            go: result.go,
            memProfileRateAddr: result.binary.symbol("runtime.MemProfileRate")?.value ?? null
          },
          binary: result.binary,
          bias: /* @__PURE__ */ new Map(),
          sides: /* @__PURE__ */ new Set()
        };
        byInode.set(inode, target);
      }
      let bias = 0n;
      if (result.binary.pie) {
        const maps = readMaps(pid, prefix);
        bias = (maps === null ? null : loadBias(maps, exe.replace(/ \(deleted\)$/, ""))) ?? 0n;
        if (bias === 0n)
          note(`the load address of PIE binary ${exe} in pid ${pid} is unknown; its stacks may not resolve`);
      }
      target.bias.set(pid, bias);
      target.probe.pids.push(pid);
      target.sides.add(side);
    }
    sidePids[side] = found.map((f) => f.pid);
    if (found.length === 0) {
      untraced(
        side,
        problems[0] ?? {
          problem: `no Go process found in the ${side} group (pids ${groups[side].pids().join(", ") || "none"})`,
          fix: "make the command run the Go binary (exec it), or give --ebpf off"
        }
      );
    } else if (found.length > 1) {
      note(
        `${side} runs ${found.length} traced processes (${found.map((f) => `pid ${f.pid}: ${f.exe}`).join(", ")}); their allocations are added together`
      );
    }
  }
  const targets2 = [...byInode.values()].flatMap((t) => {
    if (!t.binary.pie || t.probe.memProfileRateAddr === null || mode !== "sampled") return [t];
    return t.probe.pids.map((pid) => ({
      ...t,
      probe: { ...t.probe, pids: [pid], memProfileRateAddr: t.probe.memProfileRateAddr + t.bias.get(pid) }
    }));
  });
  return { targets: targets2, sidePids };
}

// src/collect/ebpf-stacks.ts
var GOROUTINES_PER_STACK = 32;
var isNumber = (v) => typeof v === "number" && Number.isFinite(v);
function noteOutputDamage(parsed, plan2, note) {
  if (parsed.skipped > 0)
    note(
      `${parsed.skipped} line(s) of the eBPF tracer's output could not be read and were left out (first: ${JSON.stringify(parsed.firstSkipped)})`
    );
  if (parsed.truncated) note("the eBPF tracer's output ended inside an entry; that entry is left out");
  if (parsed.framesCut > 0)
    note(
      `${parsed.framesCut} frame(s) beyond ${MAX_TRACE_FRAMES} per stack in the eBPF tracer's output were left out (the innermost ones are kept)`
    );
  if (parsed.records.length >= MAP_KEYS_MAX * 0.98)
    note(
      `the eBPF tracer's map filled up (${MAP_KEYS_MAX} entries), so later stacks were not counted; lower --stack-depth${plan2.mode === "every" ? " or raise --ebpf-sample-rate" : ""}`
    );
}
function indexPids(found) {
  const sideOf = /* @__PURE__ */ new Map();
  for (const side of SIDES) for (const pid of found.sidePids[side] ?? []) sideOf.set(pid, side);
  const targetOf2 = /* @__PURE__ */ new Map();
  for (const t of found.targets) for (const pid of t.probe.pids) targetOf2.set(pid, t);
  return { sideOf, targetOf: targetOf2 };
}
function symbolizeTargets(records, sideOf, targetOf2) {
  const resolved = /* @__PURE__ */ new Map();
  const tools = { addr2line: which("addr2line"), go: which("go") };
  const byTarget = /* @__PURE__ */ new Map();
  for (const r of records) {
    const t = targetOf2.get(r.pid);
    if (!t || !sideOf.has(r.pid)) continue;
    byTarget.set(t, [...byTarget.get(t) ?? [], r]);
  }
  for (const [t, list2] of byTarget) {
    const addrs = list2.flatMap((r) => r.frames.slice(1).map((f) => f.addr - (t.bias.get(r.pid) ?? 0n) - 1n));
    resolved.set(t, symbolize(t.binary, addrs, tools));
  }
  return resolved;
}
function aggregate(records, sideOf, targetOf2, resolved, probed) {
  const stacks = /* @__PURE__ */ new Map();
  for (const side of SIDES) stacks.set(side, /* @__PURE__ */ new Map());
  for (const r of records) {
    const side = sideOf.get(r.pid);
    const t = targetOf2.get(r.pid);
    if (!side || !t) continue;
    const symbols = resolved.get(t).frames;
    const bias = t.bias.get(r.pid) ?? 0n;
    const frames = [{ fn: probed, file: "", line: 0 }];
    for (const f of r.frames.slice(1)) {
      const found = symbols.get(f.addr - bias - 1n);
      frames.push(...found?.length ? found : [{ fn: f.symbol ?? `0x${f.addr.toString(16)}`, file: "", line: 0 }]);
    }
    const key = frames.map((f) => `${f.fn} ${f.file}:${f.line}`).join("\n");
    const map = stacks.get(side);
    let s = map.get(key);
    if (!s) {
      s = { frames, samples: 0, sampledBytes: 0, goroutines: [], byGoid: /* @__PURE__ */ new Map() };
      map.set(key, s);
    }
    s.samples += r.count;
    s.sampledBytes += r.total;
    const g2 = s.byGoid.get(r.goid) ?? { samples: 0, sampledBytes: 0 };
    g2.samples += r.count;
    g2.sampledBytes += r.total;
    s.byGoid.set(r.goid, g2);
  }
  return stacks;
}
function sideTraces(parsed, found, plan2, span, note) {
  const sides = { baseline: null, gray: null };
  noteOutputDamage(parsed, plan2, note);
  const { sideOf, targetOf: targetOf2 } = indexPids(found);
  const resolved = symbolizeTargets(parsed.records, sideOf, targetOf2);
  const stacks = aggregate(parsed.records, sideOf, targetOf2, resolved, PROBED_FUNCTION[plan2.mode]);
  const { startMs, stopMs } = span;
  for (const side of SIDES) {
    const pids = found.sidePids[side] ?? [];
    if (pids.length === 0) continue;
    const t = targetOf2.get(pids[0]);
    const exit2 = span.exitAt[side];
    const endMs = exit2 !== null && exit2 < stopMs ? Math.max(startMs, exit2) : stopMs;
    if (exit2 !== null && exit2 < stopMs)
      note(
        `${side} exited ${formatDuration(Math.max(0, exit2 - startMs))} into the eBPF trace; its allocation rates cover that part only`
      );
    const rates = pids.map((p) => parsed.rates.get(p)).filter(isNumber);
    const memProfileRate = plan2.mode === "sampled" ? rates[0] ?? null : null;
    if (plan2.mode === "sampled" && memProfileRate === 0)
      note(
        `${side} runs with runtime.MemProfileRate = 0 (heap sampling off), so the default eBPF mode cannot see its allocations; give --ebpf-mode every`
      );
    const list2 = [...stacks.get(side).values()].map(({ byGoid, ...s }) => ({
      ...s,
      goroutines: [...byGoid].map(([goid, g2]) => ({ goid, ...g2 })).sort((a2, b) => b.sampledBytes - a2.sampledBytes).slice(0, GOROUTINES_PER_STACK)
    })).sort((a2, b) => b.sampledBytes - a2.sampledBytes);
    if (list2.length === 0 && memProfileRate !== 0)
      note(`the eBPF tracer recorded no allocation of ${side} in ${formatDuration(endMs - startMs)}`);
    const via = resolved.get(t)?.via;
    if (via === "symtab" && list2.length > 0)
      note(`no addr2line (binutils) nor go on PATH: ${side}'s allocation paths have function names without file:line`);
    sides[side] = {
      binary: t.probe.binary,
      goVersion: t.binary.goVersion,
      arch: t.probe.arch,
      pids,
      memProfileRate,
      startMs: Math.round(startMs),
      endMs: Math.round(endMs),
      stacks: list2
    };
  }
  return sides;
}

// src/collect/ebpf-cost.ts
import { gunzipSync as gunzipSync2 } from "node:zlib";
var PROBE_HIT_COST_US = 40;
var EBPF_COST_BUDGET = 0.03;
var GO_DEFAULT_MEM_PROFILE_RATE = 512 * 1024;
var ESTIMATE_FETCH_TIMEOUT_MS = 5e3;
function allocationRate(totals, periodBytes, ageSec) {
  const age = Math.max(ageSec, 1e-3);
  return {
    bytesPerSec: totals.allocBytes / age,
    objectsPerSec: totals.allocObjects / age,
    memProfileRate: periodBytes
  };
}
var round4 = (x, digits) => Number(x.toFixed(digits));
function estimateCost(rate3, mode) {
  const memProfileRate = mode === "sampled" ? rate3.memProfileRate ?? GO_DEFAULT_MEM_PROFILE_RATE : null;
  const hitsPerSec = memProfileRate === null ? rate3.objectsPerSec : rate3.bytesPerSec / memProfileRate;
  return {
    source: "heap-profile",
    allocPerSec: Math.round(mode === "sampled" ? rate3.bytesPerSec : rate3.objectsPerSec),
    memProfileRate,
    hitsPerSec: round4(hitsPerSec, 1),
    hitCostUs: PROBE_HIT_COST_US,
    share: round4(hitsPerSec * PROBE_HIT_COST_US / 1e6, 4),
    budget: EBPF_COST_BUDGET
  };
}
function costFromHits(hitsPerSec, memProfileRate) {
  return {
    source: "probe-hits",
    allocPerSec: null,
    memProfileRate,
    hitsPerSec: round4(hitsPerSec, 1),
    hitCostUs: PROBE_HIT_COST_US,
    share: round4(hitsPerSec * PROBE_HIT_COST_US / 1e6, 4),
    budget: EBPF_COST_BUDGET,
    traced: true,
    measuredHitsPerSec: round4(hitsPerSec, 1)
  };
}
var percent2 = (share) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
function what(side, e) {
  const from = e.memProfileRate !== null ? `${formatBytes(e.allocPerSec ?? 0)}/s allocated, one heap-profile sample per ${formatBytes(e.memProfileRate)}` : `${Math.round(e.allocPerSec ?? 0)} allocations/s, each a probe hit`;
  return `${side} (${from}: ~${Math.round(e.hitsPerSec)} probe hits/s x ${e.hitCostUs} \xB5s) would cost ~${percent2(e.share)} of a core, over the ${percent2(e.budget)} budget`;
}
function withinBudget(memProfileRate, share, budget) {
  let rate3 = 1;
  while (rate3 < memProfileRate * share / budget) rate3 *= 2;
  const size = rate3 >= 1024 * 1024 ? `${rate3 / 1024 / 1024}MiB` : rate3 >= 1024 ? `${rate3 / 1024}KiB` : `${rate3}`;
  return `${size} would cost ~${percent2(share * memProfileRate / rate3)}`;
}
function decideTracing(side, estimate2, enabled, mode) {
  const over = estimate2.share > estimate2.budget;
  const traced = !over || enabled === "on";
  const fix = mode === "sampled" && estimate2.memProfileRate !== null ? `raise --memprofile-rate (fewer samples, fewer probe hits; ${withinBudget(estimate2.memProfileRate, estimate2.share, estimate2.budget)})` : "use --ebpf-mode sampled";
  let warning = null;
  if (over && enabled === "on")
    warning = `eBPF tracing of ${what(side, estimate2)}; traced anyway (--ebpf on): its figures are measured under that load. To stay within the budget, ${fix}`;
  else if (over)
    warning = `${side} is not traced: eBPF tracing of ${what(side, estimate2)}. ${fix[0].toUpperCase()}${fix.slice(1)}, or give --ebpf on to trace anyway`;
  return { estimate: { ...estimate2, traced, measuredHitsPerSec: null }, warning };
}
function hitsWarning(side, cost, mode) {
  if (cost.share <= cost.budget) return null;
  const fix = mode === "sampled" ? "raise --memprofile-rate" : "use --ebpf-mode sampled";
  return `eBPF tracing of ${side} cost ~${percent2(cost.share)} of a core (${Math.round(cost.hitsPerSec)} probe hits/s x ${cost.hitCostUs} \xB5s), over the ${percent2(cost.budget)} budget; it was not estimated before attaching because ${side} has no heap profile to estimate from. ${fix[0].toUpperCase()}${fix.slice(1)}, give ${side} a pprof URL (then an over-budget side is skipped), or give --ebpf off`;
}
var MAX_INFLATED_BYTES = 128 * 1024 * 1024;
var num2 = (v) => typeof v === "bigint" ? Number(BigInt.asIntN(64, v)) : v ?? 0;
function heapTotals(bytes3) {
  const raw = bytes3.length >= 2 && bytes3[0] === 31 && bytes3[1] === 139 ? gunzipSync2(bytes3, { maxOutputLength: MAX_INFLATED_BYTES }) : bytes3;
  const profile = Profile.decode(raw);
  const strings = profile.stringTable.strings;
  const types = profile.sampleType.map((vt) => strings[num2(vt.type)]);
  const bytesAt = types.indexOf("alloc_space");
  const objectsAt = types.indexOf("alloc_objects");
  if (bytesAt < 0 || objectsAt < 0) throw new Error(`not a heap profile (sample types: ${types.join(", ") || "none"})`);
  let allocBytes = 0;
  let allocObjects = 0;
  for (const sample of profile.sample) {
    allocBytes += num2(sample.value[bytesAt]);
    allocObjects += num2(sample.value[objectsAt]);
  }
  const period = num2(profile.period);
  return { allocBytes, allocObjects, periodBytes: period > 0 ? period : null };
}
async function fetchAllocationRate(pprofBase, ageSec, signal) {
  if (ageSec === null) return { ok: false, why: "its process age could not be read" };
  const result = await fetchProfile(`${pprofBase.replace(/\/+$/, "")}/heap`, ESTIMATE_FETCH_TIMEOUT_MS, signal);
  if (!result.ok) return { ok: false, why: `its heap profile could not be fetched (${result.error})` };
  try {
    const totals = heapTotals(result.data);
    return { ok: true, rate: allocationRate(totals, totals.periodBytes, ageSec) };
  } catch (error) {
    return { ok: false, why: `its heap profile could not be read (${error.message})` };
  }
}

// src/collect/ebpf-collector.ts
var ATTACH_TIMEOUT_MS = 3e4;
var STOP_TIMEOUT_MS = 3e4;
var EbpfSession = class _EbpfSession {
  options;
  warnings = [];
  tracer = null;
  targets = [];
  sidePids = {};
  exitAt = {};
  process = null;
  timer = null;
  starting = null;
  attachedAt = null;
  finished = false;
  costs = { baseline: null, gray: null };
  constructor(options2) {
    this.options = options2;
    for (const side of SIDES) {
      this.exitAt[side] = null;
      void options2.exited[side].then(() => this.exitAt[side] ??= options2.now());
    }
  }
  /**
   * Checks the host and both sides' binaries. With --ebpf on, anything missing is a UsageError;
   * with auto it is a warning, and the side (or the whole trace) is left out.
   */
  static async open(options2) {
    const session = new _EbpfSession(options2);
    await session.prepare();
    return session;
  }
  fail(p, scope = "eBPF allocation tracing is off for this run") {
    if (this.options.plan.enabled === "on") throw new UsageError(`--ebpf on: ${p.problem}; ${p.fix}.`);
    const message = `${scope}: ${p.problem}; ${p.fix}`;
    this.warnings.push(message);
    this.options.logger.warn(message);
  }
  async prepare() {
    const check2 = await this.options.check;
    if (!check2.ok) return this.fail(check2);
    this.tracer = check2.tracer;
    const found = findTargets(
      this.options.groups,
      this.options.plan.mode,
      this.tracer.prefix,
      (m) => this.note(m),
      (side, why) => this.fail(why, `${side} is not traced`)
    );
    this.targets = found.targets;
    Object.assign(this.sidePids, found.sidePids);
    const shared = this.targets.filter((t) => t.sides.size > 1);
    for (const t of shared)
      this.options.logger.info(
        `memgate: baseline and gray run the same binary (${t.probe.binary}); the probe tells them apart by pid`
      );
  }
  note(message) {
    this.warnings.push(message);
    this.options.logger.warn(message);
  }
  get active() {
    return this.targets.length > 0;
  }
  /** Starts the tracer at `atMs` on the sampling clock (the end of the warm-up). */
  schedule(atMs) {
    if (!this.active) return;
    this.timer = setTimeout(() => this.starting = this.start(), Math.max(0, atMs - this.options.now()));
  }
  /**
   * The cost guard, right before attaching: each traced side's probe-hit rate from its allocation rate,
   * times the cost of a hit; over the budget, --ebpf auto leaves that side out, --ebpf on traces it and
   * says what it costs. A side without a heap profile is traced, and costed from its hits afterwards.
   */
  async guardCost() {
    const { plan: plan2, pprofUrls, logger } = this.options;
    await Promise.all(
      SIDES.map(async (side) => {
        const pid = this.sidePids[side]?.[0];
        if (pid === void 0) return;
        const base = pprofUrls[side];
        const lookup = base === null ? { ok: false, why: "memgate fetches no heap profiles from it" } : await fetchAllocationRate(base, processAgeSec(pid));
        if (!lookup.ok) {
          logger.info(
            `memgate: the eBPF cost for ${side} is not estimated before attaching (${lookup.why}); it is costed from the probe hits it counts`
          );
          return;
        }
        const decided = decideTracing(side, estimateCost(lookup.rate, plan2.mode), plan2.enabled, plan2.mode);
        this.costs[side] = decided.estimate;
        if (decided.warning) this.note(decided.warning);
        else
          logger.info(
            `memgate: eBPF cost for ${side}: ~${Math.round(decided.estimate.hitsPerSec)} probe hits/s, ~${(decided.estimate.share * 100).toFixed(2)}% of a core (budget ${decided.estimate.budget * 100}%)`
          );
        if (!decided.estimate.traced) this.untrace(side);
      })
    );
  }
  /** Leaves a side out of the trace (its processes off every probe's pid filter). */
  untrace(side) {
    const pids = new Set(this.sidePids[side] ?? []);
    this.sidePids[side] = [];
    this.targets = this.targets.map((t) => {
      t.sides.delete(side);
      return { ...t, probe: { ...t.probe, pids: t.probe.pids.filter((p) => !pids.has(p)) } };
    }).filter((t) => t.probe.pids.length > 0);
  }
  async start() {
    if (this.finished || !this.tracer) return;
    await this.guardCost();
    if (this.finished || !this.active) return;
    const { plan: plan2, bundleDir: bundleDir2, logger } = this.options;
    const dir = join10(bundleDir2, EBPF_DIR);
    mkdirSync6(dir, { recursive: true });
    const script = buildScript({
      mode: plan2.mode,
      sampleRate: plan2.sampleRate,
      captureDepth: plan2.stackDepth + RUNTIME_HEADROOM,
      targets: this.targets.map((t) => t.probe)
    });
    const files = {
      script: join10(dir, EbpfFile.Script),
      stdout: join10(dir, EbpfFile.RawOutput),
      stderr: join10(dir, EbpfFile.RawErrors)
    };
    writeFileSync8(files.script, script);
    const cost = plan2.mode === "sampled" ? "probing runtime.mProf_Malloc, where Go samples its heap profile" : `probing every runtime.mallocgc call${plan2.sampleRate > 1 ? ` (recording 1 in ${plan2.sampleRate})` : ""}: a trap per allocation, costly`;
    logger.info(
      `memgate: eBPF allocation tracing of ${SIDES.filter((s) => this.sidePids[s]?.length).join(" and ")} (${cost})`
    );
    this.process = new TracerProcess(this.tracer, files);
    const attached = await Promise.race([
      this.process.attached,
      new Promise((r) => setTimeout(() => r(false), ATTACH_TIMEOUT_MS).unref())
    ]);
    if (attached) this.attachedAt = this.options.now();
  }
  /** Kills the tracer if it still runs (teardown after a failure). */
  kill() {
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.process?.kill();
  }
  /**
   * Stops the tracer while the workloads still run, reads what it printed, and returns the trace
   * (with the reasons, when a side or all of it could not be traced); the gate writes it to the bundle. Tracer trouble is a
   * warning; with --ebpf on, a tracer that never attached or whose output was lost is a UsageError.
   */
  async finish() {
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    await this.starting;
    const { plan: plan2 } = this.options;
    const trace = {
      schema: EBPF_TRACE_SCHEMA,
      mode: plan2.mode,
      sampleRate: plan2.mode === "every" ? plan2.sampleRate : 1,
      stackDepth: plan2.stackDepth,
      tracer: this.tracer?.version ?? "none",
      sides: { baseline: null, gray: null },
      warnings: this.warnings,
      costs: this.costs
    };
    if (this.active && !this.process)
      this.note("the window ended before the eBPF tracer was started; no allocation paths");
    if (this.process) {
      const stopAt = this.options.now();
      const stopped = await this.process.stop(STOP_TIMEOUT_MS);
      const why = firstError(this.process.stderr);
      if (this.attachedAt === null) {
        this.lost({
          problem: `the eBPF tracer did not attach${why ? ` (${why})` : ` within ${formatDuration(ATTACH_TIMEOUT_MS)}`}`,
          fix: `check that uprobes work here (bpftrace -e 'uprobe:BINARY:${PROBED_FUNCTION[plan2.mode]} { exit(); }'), or give --ebpf auto`
        });
      } else if (stopped.stopped === "killed" && parseBpftraceOutput(this.process.stdout).records.length === 0) {
        this.lost({
          problem: `the eBPF tracer did not stop within ${formatDuration(STOP_TIMEOUT_MS)} and was killed before it printed anything`,
          fix: plan2.mode === "every" ? "raise --ebpf-sample-rate or lower --stack-depth" : "lower --stack-depth"
        });
      } else {
        if (stopped.stopped === "killed")
          this.note(
            `the eBPF tracer did not exit within ${formatDuration(STOP_TIMEOUT_MS)} of being stopped and was killed; the entries it had printed are used`
          );
        if (stopped.stopped === "exited-early")
          this.note(
            `the eBPF tracer ended on its own before the window was over (status ${stopped.code}${why ? `: ${why}` : ""}); allocation paths cover what it printed`
          );
        trace.sides = sideTraces(
          parseBpftraceOutput(this.process.stdout),
          { targets: this.targets, sidePids: this.sidePids },
          plan2,
          { startMs: this.attachedAt, stopMs: stopAt, exitAt: this.exitAt },
          (m) => this.note(m)
        );
        this.countHits(trace);
      }
    }
    return trace;
  }
  /** The hits each traced side's probe counted: beside the estimate, or the cost itself where there was none. */
  countHits(trace) {
    for (const side of SIDES) {
      const traced = trace.sides[side];
      const seconds = traced ? (traced.endMs - traced.startMs) / 1e3 : 0;
      if (!traced || seconds <= 0) continue;
      const hitsPerSec = traced.stacks.reduce((sum, s) => sum + s.samples, 0) * trace.sampleRate / seconds;
      const estimated = this.costs[side];
      if (estimated) {
        estimated.measuredHitsPerSec = Math.round(hitsPerSec * 10) / 10;
        continue;
      }
      const cost = costFromHits(hitsPerSec, traced.memProfileRate);
      this.costs[side] = cost;
      const warning = hitsWarning(side, cost, trace.mode);
      if (warning) this.note(warning);
    }
  }
  /** The trace is lost: a UsageError with --ebpf on, else a warning. */
  lost(p) {
    this.fail(p, "no allocation paths");
  }
};

// src/source/local-pair/window.ts
var PROGRESS_EVERY_MS = 5e3;
var STAT_EVERY_MS = 2e3;
async function observeWindow(plan2, { groups, workloads, instances }, teardown, context2) {
  const { logger, signal, bundleDir: bundleDir2, ebpfCheck } = context2;
  const totalMs = plan2.warmupMs + plan2.durationMs;
  logger.info(
    `memgate: both ready; warm-up ${formatDuration(plan2.warmupMs)}, then a ${formatDuration(plan2.durationMs)} window sampled every ${formatDuration(plan2.intervalMs)}`
  );
  let ebpfOrigin = performance4.now();
  const firstUrl = (template, port) => template === null || template.includes("{port}") && (port ?? null) === null ? null : template.replaceAll("{port}", String(port));
  const pprofUrls = {
    baseline: firstUrl(plan2.pprof.baseline, instances.baseline[0]?.workload.port),
    gray: firstUrl(plan2.pprof.gray, instances.gray[0]?.workload.port)
  };
  const ebpf = ebpfCheck ? await EbpfSession.open({
    plan: plan2.ebpf,
    check: ebpfCheck,
    groups,
    pprofUrls,
    exited: { baseline: workloads.baseline.exited, gray: workloads.gray.exited },
    bundleDir: bundleDir2,
    logger,
    now: () => performance4.now() - ebpfOrigin
  }) : null;
  if (ebpf) teardown.add("stopping the eBPF tracer", () => ebpf.kill());
  ebpfOrigin = performance4.now();
  ebpf?.schedule(plan2.warmupMs);
  const profiler = startProfiling({
    templates: plan2.pprof,
    ports: {
      baseline: instances.baseline.map((i2) => i2.workload.port),
      gray: instances.gray.map((i2) => i2.workload.port)
    },
    intervalMs: plan2.profileIntervalMs,
    warmupMs: plan2.warmupMs,
    totalMs,
    bundleDir: bundleDir2,
    logger,
    signal
  });
  if (profiler) teardown.add("stopping profile collection", () => profiler.stop());
  const sampled = await sampleMemory({
    groups: { baseline: instances.baseline.map((i2) => i2.group), gray: instances.gray.map((i2) => i2.group) },
    intervalMs: plan2.intervalMs,
    totalMs,
    statEveryMs: Math.max(STAT_EVERY_MS, plan2.intervalMs),
    progressEveryMs: PROGRESS_EVERY_MS,
    signal,
    stopReason: () => SIDES.filter((side) => instances[side].some((i2) => !i2.workload.alive)).map((side) => `${side} exited`)[0] ?? null,
    onProgress: (s) => logger.info(progressLine(s, plan2.warmupMs, totalMs))
  });
  if (sampled.endedEarly === "interrupted" && !context2.interrupted.aborted) sampled.endedEarly = "timed out";
  const [profiles, trace] = await Promise.all([profiler?.finish() ?? null, ebpf?.finish() ?? null]);
  return { sampled, profiles, ebpf: trace };
}
function progressLine(s, warmupMs, totalMs) {
  const phase = s.t < warmupMs ? " (warm-up)" : "";
  const mem = (v) => v === null ? "n/a" : formatBytes(v);
  return `memgate: ${formatDuration(Math.round(s.t / 1e3) * 1e3)}/${formatDuration(totalMs)}${phase}  baseline ${mem(s.baseline)}  gray ${mem(s.gray)}`;
}

// src/source/local-pair/workload-log.ts
import { closeSync as closeSync2, createWriteStream as createWriteStream3, mkdirSync as mkdirSync7, openSync as openSync2, rmSync, writeFileSync as writeFileSync9 } from "node:fs";
import { join as join11 } from "node:path";
var OUT_ROOM_BYTES = 64 * 1024;
function openWorkloadLog(bundleDir2, outDir, logger) {
  const logPath = join11(bundleDir2, BundleFile.Log);
  let created;
  try {
    created = mkdirSync7(bundleDir2, { recursive: true });
    closeSync2(openSync2(logPath, "w"));
    const probe = join11(bundleDir2, ".memgate-room");
    try {
      writeFileSync9(probe, Buffer.alloc(OUT_ROOM_BYTES));
    } finally {
      rmSync(probe, { force: true });
    }
  } catch (error) {
    if (created) rmSync(created, { recursive: true, force: true });
    throw outWriteError(error, outDir) ?? new UsageError(
      `--out ${outDir}: cannot write ${logPath} (${error.code ?? error.message}); give a directory you can write to.`
    );
  }
  const log = createWriteStream3(logPath);
  log.on(
    "error",
    (error) => logger.warn(`cannot write ${logPath}: ${error.message}; workload output is no longer kept`)
  );
  return log;
}

// src/source/local-pair/local-pair.ts
var HANG_GRACE_MS = 3e4;
function localPair(plan2, host) {
  return {
    async measure(context2) {
      const facts = host ?? probeHost();
      const driver = selectDriver(plan2.cgroupDriver, facts);
      for (const limitation of driver.limitations) context2.logger.warn(limitation);
      const swept = await sweepOrphans(facts.layout, { sudo: !facts.isRoot });
      if (swept.removed.length)
        context2.logger.info(
          `memgate: removed ${swept.removed.length} cgroup(s) left by memgate runs that are gone: ${swept.removed.join(", ")}`
        );
      for (const failure of swept.failed)
        context2.logger.warn(`could not remove a cgroup left by an earlier memgate run: ${failure}`);
      const log = openWorkloadLog(context2.bundleDir, plan2.outDir, context2.logger);
      const { dropped } = scrubEnv(process.env, plan2.passEnv);
      if (dropped.length)
        context2.logger.info(
          `memgate: the workloads run without ${dropped.join(", ")} (credentials and the runner's own; --pass-env NAME passes one)`
        );
      const watchdog = new Watchdog();
      driver.guard = watchdog;
      const teardown = new Teardown();
      try {
        return await run2(plan2, driver, context2, teardown, log, watchdog);
      } finally {
        const cleanedUp = await teardown.run(context2.logger);
        await watchdog.close(cleanedUp);
        await new Promise((resolve7) => log.end(resolve7));
      }
    }
  };
}
async function run2(plan2, driver, context2, teardown, log, guard) {
  const signal = AbortSignal.any([
    context2.signal,
    AbortSignal.timeout(plan2.readyTimeoutMs + plan2.warmupMs + plan2.durationMs + HANG_GRACE_MS)
  ]);
  const warnings = [];
  const ebpfCheck = plan2.ebpf.enabled === "off" ? null : checkTracer();
  const pair = await startPair(plan2, driver, teardown, log);
  const processes = plan2.replicas === 1 ? "baseline and gray" : `${plan2.replicas} processes each of baseline and gray`;
  context2.logger.info(`memgate: started ${processes} (${driver.name} driver); waiting for them to be ready`);
  const perInstance = await waitForAll(plan2, pair, signal);
  const readiness = sideReadiness(perInstance);
  const origin = Date.now();
  const exitedEarly = SIDES.filter((side, i2) => readiness[i2] === "exited");
  let windowOver = false;
  if (plan2.load && exitedEarly.length === 0 && !signal.aborted)
    startLoads(plan2.load, pair, teardown, log, warnings, () => windowOver, signal, {
      env: workloadEnv(scrubEnv(process.env, plan2.passEnv).env, null),
      guard
    });
  let observed;
  if (exitedEarly.length > 0) {
    observed = {
      sampled: { samples: [], stats: [], endedEarly: `${exitedEarly.join(" and ")} exited before it was ready` },
      profiles: null,
      ebpf: null
    };
  } else if (signal.aborted) {
    observed = { sampled: { samples: [], stats: [], endedEarly: "interrupted" }, profiles: null, ebpf: null };
  } else {
    observed = await observeWindow(plan2, pair, teardown, {
      logger: context2.logger,
      signal,
      interrupted: context2.signal,
      bundleDir: context2.bundleDir,
      ebpfCheck
    });
  }
  windowOver = true;
  return {
    driver: driver.name,
    limitations: driver.limitations,
    memoryMaxBytes: driver.name === "none" ? null : plan2.memoryMaxBytes,
    ...readFinals(pair, perInstance, origin),
    samples: observed.sampled.samples,
    stats: observed.sampled.stats,
    endedEarly: observed.sampled.endedEarly,
    warnings,
    profiles: observed.profiles,
    ebpf: observed.ebpf
  };
}
function readFinals({ instances }, readiness, origin) {
  const final = {};
  const sides = {};
  for (const side of SIDES) {
    const each = instances[side].map(({ group, workload }, i2) => ({
      peakBytes: group.readPeak(),
      oomKills: group.readOomKills(),
      exit: workload.exitRelativeTo(origin, readiness[side][i2] === "exited")
    }));
    const peaks = each.map((f) => f.peakBytes).filter((v) => v !== null);
    const ooms = each.map((f) => f.oomKills);
    const exits = each.map((f) => f.exit).filter((e) => e !== null).sort((a2, b) => a2.atMs - b.atMs);
    final[side] = {
      peakBytes: peaks.length ? Math.max(...peaks) : null,
      oomKills: ooms.every((v) => v === null) ? null : ooms.reduce((a2, v) => a2 + (v ?? 0), 0),
      exit: exits[0] ?? null,
      ...each.length > 1 ? { instances: each } : {}
    };
    const metas = instances[side].map(({ group, workload }) => ({
      command: workload.command,
      port: workload.port,
      location: group.location
    }));
    sides[side] = { ...metas[0], ...metas.length > 1 ? { instances: metas } : {} };
  }
  return { final, sides };
}

// src/analyze/heap-diff-profile.ts
import { gzipSync } from "node:zlib";
function encodeHeapValues(rows, periodBytes, comment) {
  const strings = new StringTable();
  const functions = [];
  const functionIds = /* @__PURE__ */ new Map();
  const locations = [];
  const locationIds = /* @__PURE__ */ new Map();
  const locationOf = (f) => {
    const lkey = `${f.fn}\0${f.file}\0${f.line}`;
    let id = locationIds.get(lkey);
    if (id !== void 0) return id;
    const fkey = `${f.fn}\0${f.file}`;
    let fid = functionIds.get(fkey);
    if (fid === void 0) {
      fid = functions.length + 1;
      functionIds.set(fkey, fid);
      functions.push({
        id: fid,
        name: strings.dedup(f.fn),
        systemName: strings.dedup(f.fn),
        filename: strings.dedup(f.file)
      });
    }
    id = locations.length + 1;
    locationIds.set(lkey, id);
    locations.push({ id, mappingId: 1, address: 4096 + id, line: [{ functionId: fid, line: f.line }] });
    return id;
  };
  const samples = [];
  for (const row of rows) {
    const objects = Math.round(row.value.objects);
    const bytes3 = Math.round(row.value.bytes);
    if (objects === 0 && bytes3 === 0) continue;
    samples.push({ locationId: row.frames.map(locationOf), value: [objects, bytes3] });
  }
  const inuseSpace = strings.dedup("inuse_space");
  const profile = new Profile({
    sampleType: [
      { type: strings.dedup("inuse_objects"), unit: strings.dedup("count") },
      { type: inuseSpace, unit: strings.dedup("bytes") }
    ],
    sample: samples,
    mapping: [
      {
        id: 1,
        memoryStart: 4096,
        memoryLimit: 4096 + locations.length + 1,
        filename: strings.dedup("memgate-diff"),
        hasFunctions: true,
        hasFilenames: true,
        hasLineNumbers: true
      }
    ],
    location: locations,
    function: functions,
    stringTable: strings,
    periodType: { type: strings.dedup("space"), unit: strings.dedup("bytes") },
    period: periodBytes,
    comment: [strings.dedup(comment)],
    defaultSampleType: inuseSpace
  });
  return gzipSync(profile.encode());
}
function buildDiffProfiles(heap, names) {
  const out = [];
  const grayRows = heap.stacks.map((s) => ({ frames: s.frames, value: s.grayEndMinusStart }));
  out.push({
    name: names.gray,
    data: encodeHeapValues(
      grayRows,
      heap.periodBytes,
      "memgate: gray, last heap profile of the window minus the first"
    )
  });
  const vsRows = heap.stacks.map((s) => ({
    frames: s.frames,
    value: {
      bytes: s.growth.gray.bytes - s.growth.baseline.bytes,
      objects: s.growth.gray.objects - s.growth.baseline.objects
    }
  }));
  out.push({
    name: names.grayVsBaseline,
    data: encodeHeapValues(
      vsRows,
      heap.periodBytes,
      "memgate: gray's retained growth over the window minus baseline's, per stack"
    )
  });
  return out;
}

// src/analyze/ebpf-folded.ts
function foldedStacks(trace, side) {
  const sums = /* @__PURE__ */ new Map();
  for (const stack of side.stacks) {
    const key = foldedPath(pathFrames(stack.frames, trace.stackDepth));
    sums.set(key, (sums.get(key) ?? 0) + estimate(stack, { ...trace, memProfileRate: side.memProfileRate }).bytes);
  }
  return [...sums].filter(([, v]) => Math.round(v) > 0).sort((a2, b) => b[1] - a2[1]).map(([k, v]) => `${k} ${Math.round(v)}
`).join("");
}
function lineForm(trace, side) {
  const rows = [];
  for (const stack of side.stacks) {
    const path6 = arrowPath(pathFrames(stack.frames, trace.stackDepth));
    const est = estimate(stack, { ...trace, memProfileRate: side.memProfileRate });
    const perByte = stack.sampledBytes > 0 ? est.bytes / stack.sampledBytes : 0;
    const listed = stack.goroutines.reduce((sum, g2) => sum + g2.sampledBytes, 0);
    for (const g2 of stack.goroutines) rows.push([g2.sampledBytes * perByte, g2.goid, path6]);
    if (stack.sampledBytes > listed) rows.push([(stack.sampledBytes - listed) * perByte, 0, path6]);
  }
  return rows.filter(([b]) => Math.round(b) > 0).sort((a2, b) => b[0] - a2[0]).map(([b, g2, p]) => `${Math.round(b)} ${g2} ${p}
`).join("");
}
function renderEbpfSides(trace) {
  const out = { baseline: null, gray: null };
  for (const side of SIDES) {
    const s = trace.sides[side];
    if (s) out[side] = { folded: foldedStacks(trace, s), lines: lineForm(trace, s) };
  }
  return out;
}

// src/gate/evidence-files.ts
function writeDiffProfiles(bundleDir2, bundle, warmupMs, evidence = analyzeEvidence(bundle.profiles, warmupMs)) {
  try {
    const heap = evidence?.heap;
    if (!heap) return { files: [], warning: null };
    return {
      files: writeProfileFiles(
        bundleDir2,
        buildDiffProfiles(heap, { gray: DiffProfileFile.Gray, grayVsBaseline: DiffProfileFile.GrayVsBaseline })
      ),
      warning: null
    };
  } catch (error) {
    return { files: [], warning: `could not write the diff profiles: ${errorMessage(error)}` };
  }
}
function writeEbpfTrace(bundleDir2, trace) {
  return writeEbpfFiles(bundleDir2, trace, renderEbpfSides(trace));
}

// src/gate/run-gate.ts
function gateMaxRunMs(plan2) {
  return plan2.readyTimeoutMs + plan2.warmupMs + plan2.durationMs + 3e4 + plan2.stopTimeoutMs + 5 * 6e4;
}
async function runGate(plan2, io) {
  const source = io.source ?? localPair(plan2, io.host);
  const measured = await source.measure({ logger: io.logger, signal: io.signal, bundleDir: bundleDir(plan2.outDir) });
  const bundle = {
    meta: {
      schema: BUNDLE_SCHEMA,
      memgateVersion: VERSION,
      createdAt: (/* @__PURE__ */ new Date()).toISOString(),
      driver: measured.driver,
      limitations: measured.limitations,
      warmupMs: plan2.warmupMs,
      durationMs: plan2.durationMs,
      intervalMs: plan2.intervalMs,
      memoryMaxBytes: measured.memoryMaxBytes,
      load: plan2.load,
      replicas: plan2.replicas,
      memProfileRate: plan2.memProfileRate,
      sides: measured.sides,
      warnings: measured.warnings,
      endedEarly: measured.endedEarly
    },
    samples: measured.samples,
    stats: measured.stats,
    final: measured.final,
    ...measured.profiles ? { profiles: measured.profiles } : {},
    ...measured.ebpf ? { ebpf: measured.ebpf } : {}
  };
  const writing = (write) => {
    try {
      return write();
    } catch (error) {
      throw outWriteError(error, plan2.outDir) ?? error;
    }
  };
  writing(() => writeBundle(plan2.outDir, { ...bundle, meta: redactDeep(bundle.meta, secretValues(process.env)) }));
  if (bundle.ebpf) writing(() => writeEbpfTrace(bundleDir(plan2.outDir), bundle.ebpf));
  const analysis = analyze(bundle, plan2.warmupMs);
  const diffs = writeDiffProfiles(bundleDir(plan2.outDir), bundle, plan2.warmupMs, analysis.evidence);
  if (diffs.warning) io.logger.warn(diffs.warning);
  if (io.signal.aborted) return { kind: "interrupted", outDir: plan2.outDir };
  const report = redactDeep(judgeAnalysis(analysis, plan2), secretValues(process.env));
  return { kind: "judged", report, reportPath: writing(() => writeReport(plan2.outDir, report)), outDir: plan2.outDir };
}

// src/fuse/gate-fuse.ts
import { mkdirSync as mkdirSync8, writeFileSync as writeFileSync10 } from "node:fs";
import { userInfo } from "node:os";
import { join as join13 } from "node:path";

// src/github/rest.ts
var DEFAULT_API_URL = "https://api.github.com";
var MAX_QUOTED = 300;
var MAX_RATE_LIMIT_WAIT_MS = 6e4;
var quote = (text) => text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}\u2026` : text;
var GitHubApiError = class extends Error {
  name = "GitHubApiError";
  status;
  method;
  path;
  githubMessage;
  documentationUrl;
  constructor(status2, method, path6, githubMessage, documentationUrl, detail = "") {
    super(`GitHub API ${method} ${path6} answered ${status2}: ${githubMessage}${detail ? ` (${detail})` : ""}`);
    this.status = status2;
    this.method = method;
    this.path = path6;
    this.githubMessage = githubMessage;
    this.documentationUrl = documentationUrl;
  }
  /** The token may read but not write here (pull requests from forks, or a missing `permissions:` entry). */
  get notAccessible() {
    return this.status === 403 && /not accessible by integration/i.test(this.githubMessage);
  }
};
var GitHubNetworkError = class extends Error {
  name = "GitHubNetworkError";
};
function parseLinkHeader(header) {
  const links = {};
  if (!header) return links;
  for (const part of header.split(",")) {
    const m = /<([^>]*)>\s*((?:;\s*[^;]+)*)/.exec(part.trim());
    if (!m) continue;
    const rel = /;\s*rel="?([^";]+)"?/.exec(m[2]);
    if (!rel) continue;
    for (const name of rel[1].trim().split(/\s+/)) links[name] = m[1];
  }
  return links;
}
var RestClient = class {
  baseUrl;
  token;
  userAgent;
  timeoutMs;
  retries;
  retryDelayMs;
  fetchImpl;
  constructor(options2) {
    this.baseUrl = (options2.baseUrl || DEFAULT_API_URL).replace(/\/+$/, "");
    this.token = options2.token;
    this.userAgent = options2.userAgent ?? "memgate";
    this.timeoutMs = options2.timeoutMs ?? 15e3;
    this.retries = options2.retries ?? 2;
    this.retryDelayMs = options2.retryDelayMs ?? ((n2) => 300 * 3 ** (n2 - 1));
    this.fetchImpl = options2.fetch ?? fetch;
  }
  url(path6, query) {
    const url = new URL(/^https?:\/\//.test(path6) ? path6 : `${this.baseUrl}${path6.startsWith("/") ? "" : "/"}${path6}`);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== void 0) url.searchParams.set(k, String(v));
    return url.toString();
  }
  /** One request; `path` is relative to the base URL (or an absolute URL, as Link headers give). */
  async request(method, path6, options2 = {}) {
    const url = this.url(path6, options2.query);
    if (!this.sameApi(url))
      throw new GitHubNetworkError(
        `GitHub API ${method}: refusing ${new URL(url).origin}, which is not ${this.baseUrl} (the token is sent to the API's own origin only)`
      );
    const shownPath = url.startsWith(this.baseUrl) ? url.slice(this.baseUrl.length) : url;
    const idempotent = method === "GET" || method === "HEAD" || method === "PUT" || method === "DELETE";
    const headers = {
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      "user-agent": this.userAgent
    };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (options2.body !== void 0) headers["content-type"] = "application/json";
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await this.fetchImpl(url, {
          method,
          headers,
          body: options2.body === void 0 ? void 0 : JSON.stringify(options2.body),
          signal: AbortSignal.timeout(this.timeoutMs)
        });
      } catch (error) {
        if (idempotent && attempt < this.retries) {
          await sleep11(this.retryDelayMs(attempt + 1));
          continue;
        }
        const cause = error instanceof Error ? error.cause instanceof Error ? error.cause.message : error.message : String(error);
        throw new GitHubNetworkError(
          `GitHub API ${method} ${shownPath} could not be reached at ${this.baseUrl}: ${cause}`
        );
      }
      let text;
      try {
        text = await response.text();
      } catch (error) {
        if (idempotent && attempt < this.retries) {
          await sleep11(this.retryDelayMs(attempt + 1));
          continue;
        }
        throw new GitHubNetworkError(
          `GitHub API ${method} ${shownPath}: the answer (${response.status}) did not arrive in full within ${this.timeoutMs} ms: ${error instanceof Error ? error.message : String(error)}`
        );
      }
      let data = null;
      if (text) {
        try {
          data = JSON.parse(text);
        } catch {
          data = text;
        }
      }
      if (response.ok) return { status: response.status, data, headers: response.headers };
      const limitWait = rateLimitWaitMs(response, data);
      if (limitWait !== null && attempt < this.retries) {
        if (limitWait > MAX_RATE_LIMIT_WAIT_MS) {
          throw new GitHubApiError(
            response.status,
            method,
            shownPath,
            `rate limited for ${Math.ceil(limitWait / 1e3)} s more; try again later`,
            null
          );
        }
        await sleep11(limitWait);
        continue;
      }
      if (response.status >= 500 && idempotent && attempt < this.retries) {
        await sleep11(this.retryDelayMs(attempt + 1));
        continue;
      }
      const body = typeof data === "object" && data !== null ? data : {};
      const detail = Array.isArray(body.errors) ? body.errors.map(
        (e) => typeof e === "object" && e !== null ? e.message ?? JSON.stringify(e) : String(e)
      ).join("; ") : "";
      const message = typeof body.message === "string" ? body.message : typeof data === "string" && data ? data : response.statusText;
      throw new GitHubApiError(
        response.status,
        method,
        shownPath,
        quote(message),
        typeof body.documentation_url === "string" ? quote(body.documentation_url) : null,
        quote(detail)
      );
    }
  }
  /** An installation token (ghs_: the Actions GITHUB_TOKEN, a GitHub App): it acts as a bot, and GET /user does not name it. */
  get installationToken() {
    return this.token.startsWith("ghs_");
  }
  /** Whether `url` is on the API's own origin and under its base path (GitHub Enterprise: /api/v3). */
  sameApi(url) {
    const base = new URL(this.baseUrl);
    const target = new URL(url);
    return target.origin === base.origin && (target.pathname === base.pathname || target.pathname.startsWith(`${base.pathname.replace(/\/$/, "")}/`));
  }
  /**
   * Every item of a paginated GET, following Link rel="next" (per_page=100). `pick` takes the items out of
   * one page when the page is an object (e.g. the combined status's `statuses`) rather than an array.
   */
  async paginate(path6, options2 = {}) {
    const items = [];
    const pick2 = options2.pick ?? ((page) => page);
    let next = this.url(path6, { per_page: 100, ...options2.query });
    for (let pages = 0; next; pages++) {
      if (pages >= (options2.maxPages ?? 100))
        throw new Error(`GitHub API GET ${path6}: more than ${options2.maxPages ?? 100} pages; stopped`);
      const response = await this.request("GET", next);
      items.push(...pick2(response.data));
      next = parseLinkHeader(response.headers.get("link")).next;
      if (next !== void 0 && !this.sameApi(new URL(next, this.baseUrl).toString())) {
        throw new GitHubNetworkError(
          `GitHub API GET ${path6}: the next page is on another origin (${quote(new URL(next, this.baseUrl).origin)}); stopped without sending the token there`
        );
      }
    }
    return items;
  }
};
var sleep11 = (ms) => new Promise((resolve7) => setTimeout(resolve7, ms));
function rateLimitWaitMs(response, data, now = Date.now()) {
  if (response.status !== 403 && response.status !== 429) return null;
  const retryAfter = Number(response.headers.get("retry-after"));
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && response.headers.get("retry-after") !== null)
    return retryAfter * 1e3;
  if (response.headers.get("x-ratelimit-remaining") === "0") {
    const reset3 = Number(response.headers.get("x-ratelimit-reset"));
    return Number.isFinite(reset3) && reset3 > 0 ? Math.max(0, reset3 * 1e3 - now) + 1e3 : 6e4;
  }
  const message = typeof data === "object" && data !== null ? String(data.message ?? "") : "";
  if (response.status === 429 || /rate limit/i.test(message)) return 6e4;
  return null;
}
function githubContextFromEnv(env, token) {
  const repository = env.GITHUB_REPOSITORY?.trim() ?? "";
  const [owner, repo] = repository.split("/");
  if (!owner || !repo) return null;
  return {
    apiUrl: env.GITHUB_API_URL?.trim() || DEFAULT_API_URL,
    owner,
    repo,
    sha: env.GITHUB_SHA?.trim() || null,
    token: token?.trim() || env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim() || null
  };
}
function runUrlFromEnv(env) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run3 } = env;
  return server && repo && run3 ? `${server}/${repo}/actions/runs/${run3}` : void 0;
}

// src/report/markdown.ts
var utf8 = new TextEncoder();

// src/report/escape-commands.ts
var LEADING_SPACE = /^[\s\u180e]*/u;
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/gu;
var escapeControl = (c3) => c3 === "\r" ? "\\r" : `\\u${c3.charCodeAt(0).toString(16).padStart(4, "0")}`;
function neutraliseLine(line) {
  let safe = line.replace(/\n/g, "\\n").replace(CONTROL, escapeControl).replaceAll("##[", "#\\#[");
  const indent = LEADING_SPACE.exec(safe)[0].length;
  if (safe.startsWith("::", indent)) safe = `${safe.slice(0, indent)}\\${safe.slice(indent)}`;
  return safe;
}
function neutraliseCommands(text) {
  return text.replace(/\r\n/g, "\n").split("\n").map(neutraliseLine).join("\n");
}

// src/fuse/cell.ts
var DIMENSIONS = ["region", "isp", "os", "arch"];
var MAX_VALUE_LENGTH2 = 40;
var VALUE_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
var dimKey = (d) => `${d.dim}=${d.value}`;
function isDimension(name) {
  return DIMENSIONS.includes(name);
}
function checkValue(dim2, value4, where) {
  const name = dim2.trim().toLowerCase();
  if (!isDimension(name)) {
    throw new UsageError(
      `${where}: "${dim2.trim()}" is not a dimension; use ${DIMENSIONS.join(", ")} (e.g. region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64).`
    );
  }
  const v = value4.trim().toLowerCase();
  if (v === "") throw new UsageError(`${where}: ${name} has no value; write ${name}=VALUE, e.g. arch=amd64.`);
  if (v.length > MAX_VALUE_LENGTH2)
    throw new UsageError(
      `${where}: the ${name} value "${v}" is longer than ${MAX_VALUE_LENGTH2} characters; shorten it.`
    );
  if (!VALUE_PATTERN.test(v)) {
    throw new UsageError(
      `${where}: the ${name} value "${value4.trim()}" may only hold letters, digits, ".", "_" and "-" (starting with a letter or digit), e.g. linux-5.10.`
    );
  }
  return { dim: name, value: v };
}
function cellFromDims(dims) {
  const ordered = {};
  const parts = [];
  for (const dim2 of DIMENSIONS) {
    const value4 = dims[dim2];
    if (value4 === void 0) continue;
    ordered[dim2] = value4;
    parts.push(`${dim2}=${value4}`);
  }
  return { id: parts.join(","), dims: ordered };
}
function parseCell(text, where = "--cell") {
  const trimmed = text.trim();
  if (trimmed === "") {
    throw new UsageError(
      `${where} is empty; name the cell as dimension=value pairs, e.g. ${where} "region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64".`
    );
  }
  const dims = {};
  for (const part of trimmed.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) {
      throw new UsageError(
        `${where}: "${part.trim()}" is not dimension=value; write the cell like "region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64" (comma-separated, no spaces needed).`
      );
    }
    const { dim: dim2, value: value4 } = checkValue(part.slice(0, eq), part.slice(eq + 1), where);
    if (dims[dim2] !== void 0)
      throw new UsageError(
        `${where}: ${dim2} is given twice ("${dims[dim2]}" and "${value4}"); give each dimension once.`
      );
    dims[dim2] = value4;
  }
  return cellFromDims(dims);
}
function parseDimensionValue(text, where = "--dimension") {
  const eq = text.indexOf("=");
  if (eq < 0 || text.indexOf(",") >= 0) {
    throw new UsageError(
      `${where}: "${text}" is not one dimension=value; write e.g. ${where} arch=arm64 (dimensions: ${DIMENSIONS.join(", ")}).`
    );
  }
  return checkValue(text.slice(0, eq), text.slice(eq + 1), where);
}
function cellDimensionValues(cell) {
  return DIMENSIONS.filter((dim2) => cell.dims[dim2] !== void 0).map((dim2) => ({ dim: dim2, value: cell.dims[dim2] }));
}
function cellHas(cell, d) {
  return cell.dims[d.dim] === d.value;
}

// src/fuse/config.ts
import { resolve as resolve2 } from "node:path";

// src/fuse/dir-store.ts
import { createHash, randomBytes as randomBytes3 } from "node:crypto";
import { mkdir, readFile, readdir, link, stat, unlink, writeFile } from "node:fs/promises";
import { join as join12 } from "node:path";
var NUMBERED_FILE = /^(\d+)\.json$/;
var PAD = 10;
var MAX_ATTEMPTS = 1e4;
var MAX_RECORD_BYTES = 256 * 1024;
var CELL_STATES = ["running", "pass", "blocked", "inconclusive", "reset"];
var DIM_STATES = ["tripped", "reset"];
var FuseRecordError = class extends UsageError {
  name = "FuseRecordError";
  file;
  constructor(file, problem, dir) {
    super(
      `fuse record ${file} ${problem}; it was not written by memgate (or was changed since): move it out of ${dir} and run again.`
    );
    this.file = file;
  }
};
var isCanonical = (digits) => digits.length === PAD ? true : digits.length > PAD && digits[0] !== "0";
var bySequence = (a2, b) => a2.length - b.length || (a2 < b ? -1 : a2 > b ? 1 : 0);
function nextRecordName(digits) {
  const next = (digits === null ? 0n : BigInt(digits)) + 1n;
  return `${next.toString().padStart(PAD, "0")}.json`;
}
var isString = (v) => typeof v === "string";
function recordProblem(value4) {
  if (typeof value4 !== "object" || value4 === null || Array.isArray(value4)) return "is not a JSON object";
  const r = value4;
  if (!isString(r.reason) || !isString(r.at)) return 'has no "reason" and "at" strings';
  if (r.by !== void 0 && !isString(r.by)) return 'has a "by" that is not a string';
  if (r.url !== void 0 && !isString(r.url)) return 'has a "url" that is not a string';
  if (r.kind === "cell") {
    if (!isString(r.cell)) return 'is a cell record without a "cell" string';
    if (!CELL_STATES.includes(r.state))
      return `has cell state ${JSON.stringify(r.state)}, not one of ${CELL_STATES.join(", ")}`;
    if (r.owner !== void 0) {
      const o2 = r.owner;
      if (typeof o2 !== "object" || o2 === null || !isString(o2.host) || !isString(o2.boot) || !Number.isSafeInteger(o2.pid) || o2.start !== void 0 && !Number.isSafeInteger(o2.start))
        return 'has an "owner" that is not { host, boot, pid, start? }';
    }
    return null;
  }
  if (r.kind === "dim") {
    if (!DIMENSIONS.includes(r.dim))
      return `has dimension ${JSON.stringify(r.dim)}, not one of ${DIMENSIONS.join(", ")}`;
    if (!isString(r.value)) return 'is a dimension record without a "value" string';
    if (!DIM_STATES.includes(r.state))
      return `has dimension state ${JSON.stringify(r.state)}, not one of ${DIM_STATES.join(", ")}`;
    if (!Array.isArray(r.cells) || !r.cells.every(isString)) return 'has "cells" that is not a list of strings';
    return null;
  }
  return `has kind ${JSON.stringify(r.kind)}, not "cell" or "dim"`;
}
function scopeDirName(key) {
  const safe = key.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(0, 80);
  if (safe === key && safe !== "") return safe;
  return `${safe || "scope"}-${createHash("sha256").update(key).digest("hex").slice(0, 8)}`;
}
var DirFuseStore = class {
  kind = "dir";
  dir;
  where;
  scope;
  constructor(root, scope) {
    this.scope = scope;
    this.dir = join12(root, scopeDirName(scope.key));
    this.where = `directory ${this.dir}`;
  }
  /** The sequence numbers of the records, in order. A numbered file with a non-canonical name is an error. */
  async numbers() {
    let names;
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (error.code === "ENOENT") return [];
      throw error;
    }
    const numbers = [];
    for (const name of names) {
      const digits = NUMBERED_FILE.exec(name)?.[1];
      if (digits === void 0) continue;
      if (!isCanonical(digits))
        throw new FuseRecordError(
          join12(this.dir, name),
          `has a number memgate does not write (${PAD} digits, or more without a leading zero)`,
          this.dir
        );
      numbers.push(digits);
    }
    return numbers.sort(bySequence);
  }
  async read() {
    const records = [];
    for (const digits of await this.numbers()) {
      const path6 = join12(this.dir, `${digits}.json`);
      let parsed;
      try {
        const size = (await stat(path6)).size;
        if (size > MAX_RECORD_BYTES) throw new Error(`${size} bytes, more than ${MAX_RECORD_BYTES}`);
        parsed = JSON.parse(await readFile(path6, "utf8"));
      } catch (error) {
        throw new FuseRecordError(path6, `is not readable JSON (${error.message})`, this.dir);
      }
      const problem = recordProblem(parsed);
      if (problem) throw new FuseRecordError(path6, problem, this.dir);
      records.push({ ...parsed, order: records.length + 1 });
    }
    return records;
  }
  history() {
    return this.read();
  }
  async append(record) {
    await mkdir(this.dir, { recursive: true });
    const tmp = join12(this.dir, `.tmp-${process.pid}-${randomBytes3(6).toString("hex")}`);
    try {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const numbers = await this.numbers();
        const name = nextRecordName(numbers.length ? numbers[numbers.length - 1] : null);
        const full = { ...record, order: numbers.length + 1 };
        await writeFile(tmp, JSON.stringify({ ...full, scope: this.scope.key }) + "\n", { flag: "w" });
        try {
          await link(tmp, join12(this.dir, name));
          return full;
        } catch (error) {
          if (error.code !== "EEXIST") throw error;
        }
      }
      throw new Error(`could not add a fuse record to ${this.dir} after ${MAX_ATTEMPTS} attempts`);
    } finally {
      await unlink(tmp).catch(() => {
      });
    }
  }
};

// src/fuse/github-store.ts
import { createHash as createHash2 } from "node:crypto";
var MAX_DESCRIPTION = 140;
var MAX_CONTEXT = 255;
var PREFIX = "memgate/fuse/";
var MAX_LABEL = 60;
function contextLabel(scope) {
  const clean = scope.label.replace(/\s+/g, " ").trim() || "default";
  if (clean.length <= MAX_LABEL) return clean;
  return `${clean.slice(0, MAX_LABEL - 9)}~${createHash2("sha256").update(clean).digest("hex").slice(0, 8)}`;
}
function contextFor(record, label) {
  const target = record.kind === "cell" ? `cell/${record.cell}` : `dim/${record.dim}=${record.value}`;
  return `${PREFIX}${target} (${label})`;
}
function clip2(text, max) {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 3)}...`;
}
var CELLS_MARK = " | cells: ";
function statusDescription(record) {
  if (record.state === "reset")
    return clip2(`reset${record.by ? ` by ${record.by}` : ""}: ${record.reason}`, MAX_DESCRIPTION);
  if (record.kind === "cell") return clip2(`${record.state}: ${record.reason}`, MAX_DESCRIPTION);
  const head = clip2(`tripped: ${record.reason}`, MAX_DESCRIPTION);
  if (record.cells.length === 0 || head.length + CELLS_MARK.length >= MAX_DESCRIPTION - 10) return head;
  let text = head + CELLS_MARK.trimEnd();
  for (const [i2, cell] of record.cells.entries()) {
    const more = record.cells.length - i2 - 1;
    const tail = more > 0 ? ` +${more}` : "";
    if (text.length + 1 + cell.length + tail.length > MAX_DESCRIPTION) return `${text} +${record.cells.length - i2}`;
    text += ` ${cell}`;
  }
  return text;
}
var STATE_OF = {
  running: "pending",
  pass: "success",
  blocked: "failure",
  inconclusive: "error"
};
var CELL_STATE = {
  pending: "running",
  success: "pass",
  failure: "blocked",
  error: "inconclusive"
};
function recordFromStatus(status2, label) {
  const m = /^memgate\/fuse\/(cell|dim)\/(\S+) \((.*)\)$/i.exec(status2.context);
  if (!m || m[3].toLowerCase() !== label.toLowerCase()) return null;
  const description = status2.description ?? "";
  const reset3 = status2.state === "success" && /^reset\b/i.test(description);
  const base = {
    at: status2.created_at,
    order: status2.id,
    url: status2.target_url ?? void 0,
    by: (reset3 ? /^reset by (\S+):/i.exec(description)?.[1] : void 0) ?? status2.creator?.login ?? void 0,
    reason: description.replace(/^(reset(?: by \S+)?|running|pass|blocked|inconclusive|tripped):\s*/i, "")
  };
  if (m[1].toLowerCase() === "cell") {
    let cell;
    try {
      cell = parseCell(m[2], "a fuse status").id;
    } catch {
      return null;
    }
    const state = reset3 ? "reset" : CELL_STATE[status2.state];
    return state === void 0 ? null : { kind: "cell", cell, state, ...base };
  }
  const eq = m[2].indexOf("=");
  const dim2 = m[2].slice(0, eq).toLowerCase();
  if (eq < 0 || !isDimension(dim2)) return null;
  if (status2.state !== "failure" && status2.state !== "success") return null;
  const [reason, cellText] = base.reason.split(CELLS_MARK.trim());
  const cells = (cellText ?? "").trim().split(/\s+/).filter((c3) => c3 && !c3.startsWith("+"));
  return {
    kind: "dim",
    dim: dim2,
    value: m[2].slice(eq + 1).toLowerCase(),
    state: status2.state === "failure" ? "tripped" : "reset",
    cells,
    ...base,
    reason: reason.trim()
  };
}
var GitHubFuseStore = class {
  kind = "github";
  where;
  scope;
  label;
  options;
  constructor(options2) {
    this.options = options2;
    this.scope = options2.scope;
    this.label = contextLabel(options2.scope);
    this.where = `commit statuses on ${options2.owner}/${options2.repo}@${options2.sha.slice(0, 12)} (contexts "${PREFIX}... (${this.label})")`;
  }
  get repoPath() {
    return `/repos/${encodeURIComponent(this.options.owner)}/${encodeURIComponent(this.options.repo)}`;
  }
  ours(statuses) {
    return statuses.map((s) => recordFromStatus(s, this.label)).filter((r) => r !== null).sort((a2, b) => a2.order - b.order);
  }
  /** The combined status: the latest status of every context, which is all the fold needs. */
  async read() {
    const statuses = await this.call(
      () => this.options.client.paginate(
        `${this.repoPath}/commits/${encodeURIComponent(this.options.sha)}/status`,
        { pick: (page) => page.statuses ?? [] }
      )
    );
    return this.ours(statuses);
  }
  /** Every status ever set on the commit (GitHub lists them newest first; we return oldest first). */
  async history() {
    const statuses = await this.call(
      () => this.options.client.paginate(
        `${this.repoPath}/commits/${encodeURIComponent(this.options.sha)}/statuses`
      )
    );
    return this.ours(statuses);
  }
  async append(record) {
    const context2 = contextFor(record, this.label);
    if (context2.length > MAX_CONTEXT)
      throw new UsageError(
        `the fuse context "${context2}" is longer than GitHub's ${MAX_CONTEXT} characters; shorten the cell's values or --fuse-scope.`
      );
    const body = {
      state: record.state === "reset" ? "success" : record.kind === "cell" ? STATE_OF[record.state] : "failure",
      context: context2,
      description: statusDescription(record),
      ...record.url ? { target_url: record.url } : {}
    };
    const response = await this.call(
      () => this.options.client.request(
        "POST",
        `${this.repoPath}/statuses/${encodeURIComponent(this.options.sha)}`,
        { body }
      )
    );
    return { ...record, order: response.data.id, at: response.data.created_at ?? record.at };
  }
  async call(fn) {
    try {
      return await fn();
    } catch (error) {
      throw explainGitHubError(error, `${this.options.owner}/${this.options.repo}`, this.options.sha);
    }
  }
};
function explainGitHubError(error, repository, sha) {
  if (!(error instanceof GitHubApiError)) return error;
  if (error.status === 401) {
    return new UsageError(
      `GitHub rejected the token (401 ${error.githubMessage}) while using the fuse on ${repository}: pass a valid token (the github-token input, or GITHUB_TOKEN for the CLI).`
    );
  }
  if (error.notAccessible) {
    return new UsageError(
      `the token may not write commit statuses on ${repository} (403 ${error.githubMessage}): add "permissions: statuses: write" to the job; pull requests from forks only get a read-only token, so run fused rollouts from push or workflow_dispatch events.`
    );
  }
  if (error.status === 404) {
    return new UsageError(
      `GitHub found no commit ${sha} in ${repository}, or the token cannot see it (404): check GITHUB_REPOSITORY and GITHUB_SHA, and give the job "permissions: statuses: write".`
    );
  }
  if (error.status === 422) {
    return new UsageError(
      `GitHub refused a fuse status on ${repository}@${sha.slice(0, 12)}: ${error.message}; check that GITHUB_SHA names a commit of the repository.`
    );
  }
  return error;
}

// src/fuse/rules.ts
var DEFAULT_DIMENSION_THRESHOLD = Defaults.fuseDimensionThreshold;
function parseThreshold(text, option = "--fuse-dimension-threshold") {
  const fix = `write a number of cells (2), a share of the value's finished cells (50% or >50%), or both ("2,>50%"); the default is "${DEFAULT_DIMENSION_THRESHOLD}"`;
  const parts = text.split(",").map((p) => p.trim());
  let minCells = null;
  let share = null;
  let strict = false;
  for (const part of parts) {
    let m;
    if (m = /^(\d+)$/.exec(part)) {
      if (minCells !== null) throw new UsageError(`${option}: "${text}" gives the number of cells twice; ${fix}.`);
      minCells = Number(m[1]);
      if (minCells < 1) throw new UsageError(`${option}: "${text}": the number of cells must be at least 1; ${fix}.`);
    } else if (m = /^(>)?\s*(\d+(?:\.\d+)?)\s*%$/.exec(part)) {
      if (share !== null) throw new UsageError(`${option}: "${text}" gives the share twice; ${fix}.`);
      share = Number(m[2]) / 100;
      strict = m[1] === ">";
      if (share <= 0 || share > 1 || strict && share >= 1)
        throw new UsageError(`${option}: "${part}" is not a share between 0% and 100%; ${fix}.`);
    } else {
      throw new UsageError(`${option}: "${text}" is not a threshold; ${fix}.`);
    }
  }
  return { minCells: minCells ?? 1, share, strict, text: parts.join(",") };
}
function foldRecords(records) {
  const sorted = [...records].sort((a2, b) => a2.order - b.order);
  const cells = /* @__PURE__ */ new Map();
  const dims = /* @__PURE__ */ new Map();
  for (const record of sorted) {
    if (record.kind === "cell") {
      let cell;
      try {
        cell = parseCell(record.cell, "a fuse record");
      } catch {
        continue;
      }
      cells.set(cell.id, { cell, latest: { ...record, cell: cell.id } });
    } else {
      const key = dimKey(record);
      const previous = dims.get(key);
      const resetOrder = record.state === "reset" ? record.order : previous?.resetOrder ?? -Infinity;
      dims.set(key, { dim: record.dim, value: record.value, latest: record, resetOrder });
    }
  }
  return { cells, dims };
}
var FINISHED = ["pass", "blocked", "inconclusive"];
var isTripped = (s) => s !== void 0 && (s.latest.kind === "cell" ? s.latest.state === "blocked" : s.latest.state === "tripped");
function runningReason(until) {
  return `gate started; running until ${until.toISOString()}`;
}
var UNDATED_RUNNING_STALE_MS = 24 * 36e5;
function staleRunning(record, now, ownerAlive) {
  if (record.state !== "running") return null;
  const owner = record.owner;
  if (owner && ownerAlive?.(owner) === false)
    return `its gate (pid ${owner.pid} on ${owner.host}) is no longer running and left no result`;
  const until = /\buntil (\d{4}-\d\d-\d\dT[\d:.]+Z)\b/.exec(record.reason)?.[1];
  const deadline = until === void 0 ? NaN : Date.parse(until);
  if (Number.isFinite(deadline))
    return now > deadline ? `its gate started at ${record.at} and was due to end by ${until}; no result since` : null;
  const started = Date.parse(record.at);
  if (Number.isFinite(started) && now > started + UNDATED_RUNNING_STALE_MS)
    return `its gate started at ${record.at}, more than ${UNDATED_RUNNING_STALE_MS / 36e5} h ago, with no deadline; no result since`;
  return null;
}
function isStaleRunning(record, now, ownerAlive) {
  return staleRunning(record, now, ownerAlive) !== null;
}
function tallyDimensions(state, now = Date.now(), ownerAlive) {
  const tallies = /* @__PURE__ */ new Map();
  const counted = [...state.cells.values()].filter(
    (c3) => FINISHED.includes(c3.latest.state) || c3.latest.state === "running" && !isStaleRunning(c3.latest, now, ownerAlive)
  ).sort((a2, b) => a2.latest.order - b.latest.order);
  for (const { cell, latest } of counted) {
    for (const dv of cellDimensionValues(cell)) {
      const key = dimKey(dv);
      if (latest.order <= (state.dims.get(key)?.resetOrder ?? -Infinity)) continue;
      const t = tallies.get(key) ?? { ...dv, blocked: [], finished: 0, running: 0 };
      if (latest.state === "running") t.running += 1;
      else t.finished += 1;
      if (latest.state === "blocked") t.blocked.push(cell.id);
      tallies.set(key, t);
    }
  }
  const rank2 = (d) => DIMENSIONS.indexOf(d);
  return [...tallies.values()].sort((a2, b) => rank2(a2.dim) - rank2(b.dim) || a2.value.localeCompare(b.value));
}
function meetsThreshold(blocked, counted, threshold) {
  if (blocked < threshold.minCells || blocked === 0) return false;
  if (threshold.share === null) return true;
  const share = blocked / counted;
  return threshold.strict ? share > threshold.share + 1e-12 : share >= threshold.share - 1e-12;
}
function dimensionTrips(state, threshold, now = Date.now(), ownerAlive) {
  return tallyDimensions(state, now, ownerAlive).filter(
    (t) => !isTripped(state.dims.get(dimKey(t))) && meetsThreshold(t.blocked.length, t.finished + t.running, threshold)
  ).map((t) => ({
    ...t,
    reason: `${t.blocked.length} of ${t.finished} finished ${dimKey(t)} cells blocked${t.running ? `, ${t.running} still running` : ""} (rule ${threshold.text})`
  }));
}
function checkCell(state, cell) {
  const own = state.cells.get(cell.id);
  if (own && isTripped(own)) {
    const r = own.latest;
    return {
      fused: true,
      cell,
      target: { kind: "cell", cell: cell.id },
      reason: r.reason,
      trippedBy: [cell.id],
      message: `cell ${cell.id} is fused: its gate blocked at ${r.at} (${r.reason}); after a fix, reset it with: memgate fuse reset --cell "${cell.id}" --reason "..."`
    };
  }
  for (const dv of cellDimensionValues(cell)) {
    const status2 = state.dims.get(dimKey(dv));
    if (!status2 || !isTripped(status2)) continue;
    const trippedBy = causingCells(state, dv);
    const first = trippedBy[0];
    return {
      fused: true,
      cell,
      target: { kind: "dim", ...dv },
      reason: status2.latest.reason,
      trippedBy,
      message: `cell ${cell.id} is fused: ${dimKey(dv)} tripped at ${status2.latest.at} (${status2.latest.reason})${first ? `, first by cell ${first}` : ""}${trippedBy.length > 1 ? ` (all: ${trippedBy.join("; ")})` : ""}; reset with: memgate fuse reset --dimension ${dimKey(dv)} --reason "..."`
    };
  }
  return { fused: false, cell };
}
function causingCells(state, dv) {
  const status2 = state.dims.get(dimKey(dv));
  const named = status2?.latest.state === "tripped" ? status2.latest.cells : [];
  const blocked = [...state.cells.values()].filter(
    (c3) => c3.latest.state === "blocked" && cellHas(c3.cell, dv) && c3.latest.order > (status2?.resetOrder ?? -Infinity)
  ).sort((a2, b) => a2.latest.order - b.latest.order).map((c3) => c3.cell.id);
  return [.../* @__PURE__ */ new Set([...named, ...blocked])];
}
function cellStateOf(verdict) {
  if (verdict === "fail") return "blocked";
  if (verdict === "pass" || verdict === "warn") return "pass";
  return "inconclusive";
}

// src/fuse/config.ts
var STORE_CHOICES = ["auto", "github", "dir"];
function value2(raw, name) {
  const v = raw[name]?.trim();
  return v === void 0 || v === "" ? void 0 : v;
}
function parseStoreConfig(raw) {
  const store = (value2(raw, Option.FuseStore) ?? Defaults.fuseStore).toLowerCase();
  if (!STORE_CHOICES.includes(store)) {
    throw new UsageError(
      `--${Option.FuseStore}: "${store}" is not a store; use auto (GitHub commit statuses inside Actions, else a directory), github or dir.`
    );
  }
  const scope = value2(raw, Option.FuseScope);
  if (scope !== void 0 && (scope.length > 200 || /[\u0000-\u001f]/.test(scope))) {
    throw new UsageError(
      `--${Option.FuseScope}: give one line of at most 200 characters, e.g. --${Option.FuseScope} release-1.4.`
    );
  }
  return { store, dir: value2(raw, Option.FuseDir) ?? Defaults.fuseDir, scope };
}
function parseFuseConfig(raw) {
  const switchText = (value2(raw, Option.Fuse) ?? Defaults.fuse).toLowerCase();
  const on6 = ["on", "true", "yes", "1"].includes(switchText);
  if (!on6 && !["off", "false", "no", "0"].includes(switchText)) {
    throw new UsageError(`--${Option.Fuse}: "${switchText}" is not allowed; use on or off (default ${Defaults.fuse}).`);
  }
  const cellText = value2(raw, Option.Cell);
  const cell = cellText === void 0 ? null : parseCell(cellText, `--${Option.Cell}`);
  const threshold = parseThreshold(
    value2(raw, Option.FuseDimensionThreshold) ?? Defaults.fuseDimensionThreshold,
    `--${Option.FuseDimensionThreshold}`
  );
  const store = parseStoreConfig(raw);
  if (!on6) return null;
  if (!cell) {
    throw new UsageError(
      `--${Option.Fuse} on needs --${Option.Cell}: name the matrix cell this run gates, e.g. --${Option.Cell} "region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64" (in a workflow: cell: \${{ matrix.cell }}).`
    );
  }
  return { ...store, cell, threshold };
}
function gitHead(cwd) {
  const result = execaSync("git", ["rev-parse", "HEAD"], { cwd, timeout: 5e3, reject: false, stdin: "ignore" });
  const sha = result.failed ? "" : result.stdout.trim();
  if (/^[0-9a-f]{40,64}$/.test(sha)) return { sha };
  const said = (result.stderr || result.shortMessage || "").replace(/\s+/g, " ").trim().slice(0, 300);
  return { why: said ? `git rev-parse HEAD: ${said}` : `git rev-parse HEAD printed "${sha.slice(0, 80)}"` };
}
function resolveScope(scopeText, fenv) {
  if (scopeText !== void 0) return { key: scopeText, label: scopeText, explicit: true };
  const head = fenv.env.GITHUB_SHA?.trim() ? { sha: fenv.env.GITHUB_SHA.trim() } : gitHead(fenv.cwd);
  if (!("sha" in head)) {
    throw new UsageError(
      `no fuse scope: outside GitHub Actions and outside a git checkout there is no commit to tie the fuse to (${head.why}); give --${Option.FuseScope} NAME (the same in every job of the rollout).`
    );
  }
  const { sha } = head;
  const workflow = fenv.env.GITHUB_WORKFLOW?.trim() || "local";
  return { key: `${sha}/${workflow}`, label: workflow, explicit: false };
}
function openFuseStore(config, fenv) {
  const inActions = fenv.env.GITHUB_ACTIONS === "true";
  const choice = config.store === "auto" ? inActions ? "github" : "dir" : config.store;
  if (choice === "dir") return new DirFuseStore(resolve2(fenv.cwd, config.dir), resolveScope(config.scope, fenv));
  const gh = githubContextFromEnv(fenv.env, fenv.token);
  const why = config.store === "auto" ? "inside GitHub Actions the fuse lives in commit statuses" : `--${Option.FuseStore} github keeps the fuse in commit statuses`;
  if (!gh)
    throw new UsageError(
      `${why}, and GITHUB_REPOSITORY (owner/name) is not set: set it, or use --${Option.FuseStore} dir.`
    );
  if (!gh.sha)
    throw new UsageError(`${why}, and GITHUB_SHA (the commit) is not set: set it, or use --${Option.FuseStore} dir.`);
  if (!gh.token) {
    throw new UsageError(
      `${why}, and there is no token: give the Action "github-token: \${{ github.token }}" (the default) or the CLI GITHUB_TOKEN, with "permissions: statuses: write" on the job; or use --${Option.FuseStore} dir.`
    );
  }
  const scope = resolveScope(config.scope, fenv);
  const client = new RestClient({ token: gh.token, baseUrl: gh.apiUrl, fetch: fenv.fetch });
  return new GitHubFuseStore({ client, owner: gh.owner, repo: gh.repo, sha: gh.sha, scope });
}

// src/fuse/owner.ts
import { readFileSync as readFileSync9, readlinkSync as readlinkSync2 } from "node:fs";
import { hostname } from "node:os";
function bootKey() {
  try {
    const boot = readFileSync9("/proc/sys/kernel/random/boot_id", "utf8").trim();
    return `${boot} ${readlinkSync2("/proc/self/ns/pid")}`;
  } catch {
    return null;
  }
}
function procStat(pid) {
  try {
    const stat2 = readFileSync9(`/proc/${pid}/stat`, "utf8");
    const fields = stat2.slice(stat2.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0], start: Number(fields[19]) };
  } catch {
    return null;
  }
}
function thisProcessOwner() {
  const boot = bootKey();
  if (boot === null) return void 0;
  const start = procStat(process.pid)?.start;
  return { host: hostname(), boot, pid: process.pid, ...Number.isFinite(start) ? { start } : {} };
}
var localOwnerAlive = (owner) => {
  if (owner.host !== hostname() || owner.boot !== bootKey()) return null;
  if (!Number.isInteger(owner.pid) || owner.pid < 1) return null;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if (error.code === "ESRCH") return false;
  }
  const stat2 = procStat(owner.pid);
  if (stat2 === null) return false;
  if (stat2.state === "Z" || stat2.state === "X") return false;
  if (owner.start !== void 0 && stat2.start !== owner.start) return false;
  return true;
};

// src/fuse/gate-fuse.ts
var FUSE_SCHEMA = "memgate/fuse@1";
function actorFromEnv(env) {
  if (env.GITHUB_ACTOR) return env.GITHUB_ACTOR;
  try {
    return env.USER || userInfo().username || void 0;
  } catch {
    return void 0;
  }
}
function resultReason(report) {
  const first = report.reasons.find(
    (r) => r.outcome === (report.verdict === "fail" ? "block" : report.verdict === "inconclusive" ? "inconclusive" : "warn")
  );
  const grade = report.grade ? ` ${report.grade}` : "";
  return first ? `${report.verdict}${grade}: ${first.message}` : `${report.verdict}${grade}`;
}
function openRunFuse(raw, fenv) {
  const config = parseFuseConfig(raw);
  if (!config) return null;
  const store = openFuseStore(config, fenv);
  const cell = config.cell;
  const base = () => ({
    schema: FUSE_SCHEMA,
    cell: cell.id,
    scope: store.scope.key,
    store: store.where,
    threshold: config.threshold.text
  });
  return {
    config,
    store,
    async check() {
      return checkCell(foldRecords(await store.read()), cell);
    },
    async begin(maxRunMs) {
      const result = await this.check();
      if (!result.fused) {
        const now = Date.now();
        const reason = maxRunMs === void 0 ? "gate started" : runningReason(new Date(now + maxRunMs));
        await store.append({
          kind: "cell",
          cell: cell.id,
          state: "running",
          reason,
          at: new Date(now).toISOString(),
          by: actorFromEnv(fenv.env),
          url: runUrlFromEnv(fenv.env),
          owner: thisProcessOwner()
        });
      }
      return result;
    },
    async settle(reason) {
      await store.append({
        kind: "cell",
        cell: cell.id,
        state: "inconclusive",
        reason: `inconclusive: ${reason}`,
        at: (/* @__PURE__ */ new Date()).toISOString(),
        by: actorFromEnv(fenv.env),
        url: runUrlFromEnv(fenv.env)
      });
    },
    skipped(check2) {
      return { ...base(), fused: true, reason: check2.message, recorded: null, tripped: [] };
    },
    async afterGate(report, outDir) {
      const state = cellStateOf(report.verdict);
      const common2 = { at: (/* @__PURE__ */ new Date()).toISOString(), by: actorFromEnv(fenv.env), url: runUrlFromEnv(fenv.env) };
      const tripped = [];
      const reason = resultReason(report);
      await store.append({ kind: "cell", cell: cell.id, state, reason, ...common2 });
      if (state === "blocked") {
        tripped.push({ target: `cell ${cell.id}`, reason, cells: [cell.id] });
        const fused = foldRecords(await store.read());
        const mine = new Set(cellDimensionValues(cell).map(dimKey));
        for (const trip2 of dimensionTrips(fused, config.threshold, Date.now(), localOwnerAlive).filter(
          (t) => mine.has(dimKey(t))
        )) {
          await store.append({
            kind: "dim",
            dim: trip2.dim,
            value: trip2.value,
            state: "tripped",
            reason: trip2.reason,
            cells: trip2.blocked,
            ...common2
          });
          tripped.push({ target: dimKey(trip2), reason: trip2.reason, cells: trip2.blocked });
        }
      }
      const outcome = {
        ...base(),
        fused: state === "blocked",
        reason: state === "blocked" ? `cell ${cell.id} blocked: ${reason}` : null,
        recorded: state,
        tripped
      };
      writeFuseFile(outDir, outcome);
      return outcome;
    }
  };
}
function writeFuseFile(outDir, outcome) {
  mkdirSync8(outDir, { recursive: true });
  writeFileSync10(join13(outDir, FuseFile), JSON.stringify(outcome, null, 2) + "\n");
}
function renderFuseOutcome(outcome) {
  const lines = [];
  if (outcome.recorded === null) {
    lines.push(`fuse: ${outcome.reason} (the gate did not run)`);
    return lines.map(neutraliseLine).join("\n");
  }
  lines.push(`fuse: recorded ${outcome.recorded} for cell ${outcome.cell} in ${outcome.store}`);
  for (const trip2 of outcome.tripped) {
    lines.push(
      `fuse: TRIPPED ${trip2.target}: ${trip2.reason}${trip2.target.startsWith("cell ") ? "" : `; caused by ${trip2.cells.join("; ")}`}`
    );
  }
  return lines.map(neutraliseLine).join("\n");
}

// src/run/gated-run.ts
async function gatedRun({ fuse, outDir, gate, logger, maxRunMs }) {
  if (fuse) {
    let check2;
    try {
      check2 = await fuse.begin(maxRunMs);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return {
        kind: "fuse-unreadable",
        message: `fuse: could not read the fuse from ${fuse.store.where} before the gate: ${errorMessage(error)}; treat the cell as not cleared and try again.`
      };
    }
    if (check2.fused) {
      const outcome2 = fuse.skipped(check2);
      writeFuseFile(outDir, outcome2);
      return { kind: "fused", fuse: outcome2 };
    }
    logger.info(`fuse: cell ${fuse.config.cell.id} may run (${fuse.store.where})`);
  }
  let outcome;
  try {
    outcome = await gate();
  } catch (error) {
    if (fuse) await settle(fuse, `the gate ended without a verdict: ${errorMessage(error)}`, logger);
    throw error;
  }
  if (outcome.kind === "interrupted") {
    if (fuse) await settle(fuse, "the gate was interrupted (a signal) before it judged", logger);
    return outcome;
  }
  const judged = {
    kind: "judged",
    report: outcome.report,
    reportPath: outcome.reportPath,
    outDir: outcome.outDir,
    fuse: null,
    fuseError: null
  };
  if (!fuse) return judged;
  try {
    return { ...judged, fuse: await fuse.afterGate(outcome.report, outcome.outDir) };
  } catch (error) {
    const gateExit = outcome.report.exitCode;
    const exitCode = gateExit !== ExitCode.Pass ? gateExit : error instanceof UsageError ? ExitCode.Usage : ExitCode.Inconclusive;
    return {
      ...judged,
      fuseError: {
        message: `fuse: could not record cell ${fuse.config.cell.id}'s result (${outcome.report.verdict}) in ${fuse.store.where}: ${errorMessage(error)}`,
        exitCode
      }
    };
  }
}
async function settle(fuse, reason, logger) {
  try {
    await fuse.settle(reason.slice(0, 500));
  } catch (error) {
    logger.warn(
      `fuse: could not settle cell ${fuse.config.cell.id}'s running record in ${fuse.store.where}: ${errorMessage(error)}; it turns stale at its deadline`
    );
  }
}
function exitCodeOf2(outcome) {
  switch (outcome.kind) {
    case "fused":
      return ExitCode.Blocked;
    case "fuse-unreadable":
      return ExitCode.Inconclusive;
    case "interrupted":
      return 130;
    case "judged":
      return outcome.fuseError ? outcome.fuseError.exitCode : outcome.report.exitCode;
  }
}

// src/analyze/ebpf-text.ts
var CONSOLE_PATHS = 3;
var rate = (bytesPerSec) => `${formatBytes(bytesPerSec)}/s`;
function describePath2(p, side) {
  const where = p.location ? ` (${p.location})` : "";
  const caller = p.caller && p.caller !== p.function ? `, from ${p.caller}` : "";
  return `${p.function}${where} ${rate(p.bytesPerSec)}, ${Math.round(p.share * 100)}% of ${side}'s allocation${caller}`;
}
function ebpfConsoleLines(summary) {
  if (!summary || !summary.gray && !summary.baseline) return [];
  const side = (name) => {
    const s = summary[name];
    return s ? `${name} ${rate(s.bytesPerSec)} over ${formatDuration(s.traceMs)}` : `${name} not traced`;
  };
  const lines = [`  allocation paths (eBPF, ${summary.mode} mode): ${side("gray")}, ${side("baseline")}`];
  for (const [i2, p] of (summary.gray?.paths ?? []).slice(0, CONSOLE_PATHS).entries())
    lines.push(`    ${i2 + 1}. ${describePath2(p, "gray")}`);
  return lines;
}

// src/report/console.ts
var CONSOLE_SUSPECTS = 5;
var bytes = (v) => v === null ? "n/a" : formatBytes(v);
var slope = (s) => s.slopeBytesPerSec === null ? "n/a" : `${formatRate(s.slopeBytesPerSec)} [${formatRate(s.slopeInterval.low)} .. ${formatRate(s.slopeInterval.high)}]`;
function renderConsole(report) {
  const lines = [];
  const grade = report.grade ? ` (${report.grade})` : "";
  lines.push(`memgate: ${report.verdict.toUpperCase()}${grade}`);
  const rows = [
    ["", "baseline", "gray"],
    ["samples", String(report.baseline.samples), String(report.gray.samples)],
    ["P95", bytes(report.baseline.p95Bytes), bytes(report.gray.p95Bytes)],
    ["peak", bytes(report.baseline.peakBytes), bytes(report.gray.peakBytes)],
    ["floor slope", slope(report.baseline), slope(report.gray)],
    ["OOM kills", String(report.baseline.oomKills ?? "n/a"), String(report.gray.oomKills ?? "n/a")]
  ];
  const widths = [0, 1, 2].map((c3) => Math.max(...rows.map((r) => r[c3].length)));
  for (const row of rows)
    lines.push(
      "  " + row.map((cell, c3) => cell.padEnd(widths[c3])).join("   ").trimEnd()
    );
  if (report.replicas > 1) {
    for (const side of ["baseline", "gray"]) {
      const each = report[side].instances.map(
        (p) => `${p.p95Bytes === null ? "n/a" : formatBytes(p.p95Bytes)} / ${p.slopeBytesPerSec === null ? "n/a" : formatRate(p.slopeBytesPerSec)}`
      );
      lines.push(`  ${side} processes (P95 / floor slope): ${each.join(", ")}`);
    }
  }
  lines.push(
    `  P95 change ${formatPercent(report.p95Increase)} (limit ${formatPercent(report.settings.limits.maxP95Increase)}), slope change ${report.slopeDifference ? formatRate(report.slopeDifference.bytesPerSec) : "n/a"} (limit ${formatRate(report.comparisons.find((c3) => c3.rule === "slope-increase")?.limit ?? 0)})`
  );
  if (report.projection?.secondsToLimit != null) {
    lines.push(
      `  at this slope gray reaches its ${formatBytes(report.projection.limitBytes)} limit in about ${formatDuration(report.projection.secondsToLimit * 1e3)}`
    );
  }
  for (const reason of report.reasons) lines.push(`  ${reason.outcome}: ${reason.message}`);
  if (report.suspects.length)
    lines.push(
      `  suspects (gray against baseline, top ${Math.min(CONSOLE_SUSPECTS, report.suspects.length)} of ${report.suspects.length}):`
    );
  for (const [i2, s] of report.suspects.slice(0, CONSOLE_SUSPECTS).entries())
    lines.push(`    ${i2 + 1}. ${describeSuspect(s)}${s.pattern ? ` [${s.pattern}]` : ""}`);
  lines.push(...ebpfConsoleLines(report.ebpf));
  for (const p of report.patterns)
    lines.push(`  pattern ${p.id} (${Math.round(p.confidence * 100)}% sure): ${p.message}`, `    fix: ${p.hint}`);
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  return lines.map(neutraliseLine).join("\n");
}

// src/cli/command.ts
import { parseArgs } from "node:util";

// src/cli/suggest.ts
function editDistance(a2, b) {
  const rows = a2.length + 1;
  const cols = b.length + 1;
  const d = Array.from(
    { length: rows },
    (_, i2) => Array.from({ length: cols }, (_2, j) => i2 === 0 ? j : j === 0 ? i2 : 0)
  );
  for (let i2 = 1; i2 < rows; i2++) {
    for (let j = 1; j < cols; j++) {
      const cost = a2[i2 - 1] === b[j - 1] ? 0 : 1;
      d[i2][j] = Math.min(d[i2 - 1][j] + 1, d[i2][j - 1] + 1, d[i2 - 1][j - 1] + cost);
      if (i2 > 1 && j > 1 && a2[i2 - 1] === b[j - 2] && a2[i2 - 2] === b[j - 1])
        d[i2][j] = Math.min(d[i2][j], d[i2 - 2][j - 2] + 1);
    }
  }
  return d[a2.length][b.length];
}
function suggest(word, candidates) {
  const typed = word.toLowerCase();
  if (!typed) return [];
  if (typed.length > 64) return [];
  const limit = Math.max(1, Math.floor(typed.length / 4));
  const scored = candidates.filter((c3) => c3 !== word).map((c3) => ({ c: c3, d: editDistance(typed, c3.toLowerCase()) })).filter(({ d }) => d <= limit);
  if (scored.length) {
    const best = Math.min(...scored.map(({ d }) => d));
    return scored.filter(({ d }) => d === best).map(({ c: c3 }) => c3);
  }
  const extended = candidates.filter((c3) => typed.length >= 2 && c3.toLowerCase().startsWith(typed) && c3 !== word);
  return extended.length === 1 ? extended : [];
}
function didYouMean(word, candidates, show = (c3) => c3) {
  const found = suggest(word, candidates).slice(0, 3).map(show);
  if (!found.length) return "";
  return ` Did you mean ${found.length === 1 ? found[0] : `${found.slice(0, -1).join(", ")} or ${found.at(-1)}`}?`;
}

// src/cli/command.ts
function wantsHelp(args) {
  for (const arg of args) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}
function shortUsage(path6, group) {
  return `usage: ${path6} COMMAND [options]   (commands: ${group.commands.map((c3) => c3.name).join(", ")})
${path6} --help describes them; ${path6} COMMAND --help shows a command's options.
`;
}
async function dispatch(path6, group, argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0) {
    io.stderr(shortUsage(path6, group));
    return ExitCode.Usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    if (rest.length && !rest[0].startsWith("-")) return dispatch(path6, group, [...rest, "--help"], io);
    io.stdout(group.usage + "\n");
    return ExitCode.Pass;
  }
  const command = group.commands.find((c3) => c3.name === name);
  if (!command) {
    const names = group.commands.map((c3) => c3.name);
    const what2 = name.startsWith("-") ? `"${name}" before a command` : `unknown command "${name}"`;
    throw new UsageError(
      `${path6}: ${what2}.${didYouMean(name.replace(/^-+/, ""), names, (c3) => `${path6} ${c3}`)} The commands are ${names.join(", ")}; ${path6} --help describes them.`
    );
  }
  if ("commands" in command) return dispatch(`${path6} ${command.name}`, command, rest, io);
  if (wantsHelp(rest)) {
    io.stdout(command.usage + "\n");
    return ExitCode.Pass;
  }
  return command.run(rest, io);
}
function parseFlags(command, args, spec) {
  const options2 = {};
  for (const name of spec.strings)
    options2[name] = spec.multiple?.includes(name) ? { type: "string", multiple: true } : { type: "string" };
  for (const name of spec.booleans ?? []) options2[name] = { type: "boolean" };
  const allowed = spec.positionals ?? 0;
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: options2, strict: true, allowPositionals: allowed > 0 });
  } catch (error) {
    const code2 = error.code;
    const message = errorMessage(error);
    const unknown = /^Unknown option '([^']*)'/.exec(message);
    if (code2 === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown) {
      const typed = unknown[1];
      const known = [...spec.strings, ...spec.booleans ?? []];
      const hint = didYouMean(typed.replace(/^-+/, "").replace(/=.*$/s, ""), known, (c3) => `--${c3}`);
      throw new UsageError(`${command}: unknown option ${typed}.${hint} ${command} --help lists the options.`);
    }
    if (code2 === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      const extra = /^Unexpected argument '(.*)'\. This command does not take positional arguments$/s.exec(
        message
      )?.[1];
      throw new UsageError(
        `${command}: unexpected argument${extra === void 0 ? "" : ` "${extra}"`}: it takes options only (values go after their option, e.g. --out DIR). ${command} --help lists them.`
      );
    }
    const said = message.replace(/\. To specify a positional argument.*$/s, "").replace(/\s*\n\s*/g, " ").replace(/\.$/, "");
    throw new UsageError(`${command}: ${said}; ${command} --help lists the options.`);
  }
  if (parsed.positionals.length > allowed) {
    throw new UsageError(
      `${command}: unexpected argument "${parsed.positionals[allowed]}"; ${command} --help shows what it takes.`
    );
  }
  return { flags: parsed.values, positionals: parsed.positionals };
}
var JSON_FLAG = "json";
function reportJson(report) {
  return JSON.stringify(report, null, 2) + "\n";
}
function humanOut(io, json) {
  return json ? io.stderr : io.stdout;
}
function printError(io, message) {
  io.stderr(`error: ${message}
`);
}

// src/fuse/render.ts
function statusView(state, scope, where, history, staleness = { now: Date.now() }) {
  const tallies = new Map(tallyDimensions(state, staleness.now, staleness.ownerAlive).map((t) => [dimKey(t), t]));
  const keys = /* @__PURE__ */ new Set([...tallies.keys(), ...state.dims.keys()]);
  const rank2 = (key) => DIMENSIONS.indexOf(key.slice(0, key.indexOf("=")));
  const dimensions = [...keys].sort((a2, b) => rank2(a2) - rank2(b) || a2.localeCompare(b)).map((key) => {
    const status2 = state.dims.get(key);
    const tally = tallies.get(key);
    const eq = key.indexOf("=");
    const dv = { dim: key.slice(0, eq), value: key.slice(eq + 1) };
    const tripped = isTripped(status2);
    return {
      dimension: dv.dim,
      value: dv.value,
      fuse: tripped ? "tripped" : status2 ? "reset" : "ok",
      blocked: tally?.blocked ?? [],
      finished: tally?.finished ?? 0,
      running: tally?.running ?? 0,
      reason: status2?.latest.reason ?? null,
      at: status2?.latest.at ?? null,
      by: status2?.latest.by ?? null,
      causedBy: tripped ? causingCells(state, dv) : []
    };
  });
  const cells = [...state.cells.values()].sort((a2, b) => a2.cell.id.localeCompare(b.cell.id)).map(({ cell, latest }) => {
    const check2 = checkCell(state, cell);
    return {
      cell: cell.id,
      state: latest.state,
      fused: check2.fused,
      fusedBy: check2.fused ? check2.target.kind === "cell" ? "cell" : dimKey(check2.target) : null,
      reason: latest.reason,
      stale: staleRunning(latest, staleness.now, staleness.ownerAlive),
      at: latest.at,
      by: latest.by ?? null,
      url: latest.url ?? null
    };
  });
  return {
    schema: "memgate/fuse-status@1",
    scope: scope.key,
    store: where,
    dimensions,
    cells,
    ...history ? { history } : {}
  };
}
function table2(rows) {
  const widths = rows[0].map((_, c3) => Math.max(...rows.map((r) => r[c3].length)));
  return rows.map(
    (r) => "  " + r.map((cell, c3) => c3 === r.length - 1 ? cell : cell.padEnd(widths[c3])).join("  ").trimEnd()
  );
}
function renderStatus(view) {
  const lines = [`fuse scope ${view.scope}`, `store: ${view.store}`];
  if (view.dimensions.length === 0 && view.cells.length === 0) {
    lines.push("", "nothing recorded yet: no cell has run with the fuse on in this scope.");
    return lines.map(neutraliseLine).join("\n");
  }
  const tripped = view.dimensions.filter((d) => d.fuse === "tripped").length + view.cells.filter((c3) => c3.state === "blocked").length;
  lines.push(tripped ? `${tripped} fuse${tripped === 1 ? "" : "s"} tripped` : "no fuse tripped");
  lines.push("", "dimension values:");
  lines.push(
    ...table2([
      ["VALUE", "FUSE", "BLOCKED/FINISHED", "SINCE", "REASON"],
      ...view.dimensions.map((d) => [
        `${d.dimension}=${d.value}`,
        d.fuse,
        `${d.blocked.length}/${d.finished}${d.running ? ` +${d.running} running` : ""}`,
        d.at ?? "",
        d.reason === null ? "" : `${d.fuse === "reset" ? `reset${d.by ? ` by ${d.by}` : ""}: ` : ""}${d.reason}${d.causedBy.length ? ` (caused by ${d.causedBy.join("; ")})` : ""}`
      ])
    ])
  );
  lines.push("", "cells:");
  lines.push(
    ...table2([
      ["CELL", "STATE", "RUNS?", "SINCE", "REASON"],
      ...view.cells.map((c3) => [
        c3.cell,
        c3.stale ? "running (stale)" : c3.state,
        c3.fused ? `no (${c3.fusedBy === "cell" ? "own fuse" : c3.fusedBy})` : "yes",
        c3.at,
        `${c3.state === "reset" && c3.by ? `by ${c3.by}: ` : ""}${c3.reason}${c3.stale ? `; stale, counts as inconclusive: ${c3.stale}` : ""}`
      ])
    ])
  );
  if (view.history) {
    lines.push("", "history (oldest first):");
    for (const r of view.history) {
      const target = r.kind === "cell" ? `cell ${r.cell}` : dimKey(r);
      lines.push(`  ${r.at}  ${target}  ${r.state}${r.by ? ` by ${r.by}` : ""}: ${r.reason}`);
    }
  }
  return lines.map(neutraliseLine).join("\n");
}

// src/fuse/commands.ts
import { readFileSync as readFileSync10 } from "node:fs";
import { resolve as resolve3 } from "node:path";

// src/fuse/plan.ts
function matrixEntry(cell) {
  return { ...cell.dims, cell: cell.id };
}
function holdReason(state, cell, staleness) {
  if (checkCell(state, cell).fused) return null;
  const latest = state.cells.get(cell.id)?.latest;
  if (!latest) return "has not reported a result yet (still running, skipped, or run without --fuse on)";
  switch (latest.state) {
    case "pass":
      return null;
    case "running": {
      const stale = staleRunning(latest, staleness.now, staleness.ownerAlive);
      return stale ? `was left running and counts as inconclusive: ${stale}; re-run it` : "is still running (or its job was cancelled: re-run it)";
    }
    case "inconclusive":
      return `was inconclusive (${latest.reason}); re-run it`;
    case "reset":
      return `was reset (${latest.reason}) and has not run again since`;
    case "blocked":
      return null;
  }
}
function planWave(stages, n2, state, staleness = { now: Date.now() }) {
  if (!Number.isInteger(n2) || n2 < 1 || n2 > stages.waves.length) {
    const names = stages.waves.map((w) => `${w.index} (${w.name})`).join(", ");
    throw new UsageError(
      `--stage ${n2}: ${stages.file} has ${stages.waves.length} wave${stages.waves.length === 1 ? "" : "s"}: ${names}; give one of those numbers.`
    );
  }
  const wave = stages.waves[n2 - 1];
  if (n2 > 1) {
    const previous = stages.waves[n2 - 2];
    const waiting = previous.cells.flatMap((cell) => {
      const why = holdReason(state, cell, staleness);
      return why === null ? [] : [{ cell: cell.id, message: `${cell.id} ${why}` }];
    });
    if (waiting.length > 0) {
      const shown = waiting.slice(0, 5).map((w) => w.message).join("; ");
      return {
        kind: "held",
        wave,
        previous,
        waiting,
        message: `wave ${n2} (${wave.name}) is not promoted: wave ${previous.index} (${previous.name}) is not fully passed: ${waiting.length} of ${previous.cells.length} cells unsettled: ${shown}${waiting.length > 5 ? `; and ${waiting.length - 5} more` : ""}.`
      };
    }
  }
  const include = [];
  const leftOut = [];
  for (const cell of wave.cells) {
    const check2 = checkCell(state, cell);
    if (check2.fused) leftOut.push({ cell: cell.id, message: check2.message });
    else include.push(matrixEntry(cell));
  }
  return { kind: "ready", wave, matrix: { include }, leftOut };
}

// src/fuse/stages.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_WAVE_CELLS = 256;
var EXAMPLE = `e.g.
matrix:
  region: [cn-east-2, us-west-1]
  arch: [amd64, arm64]
waves:
  - name: canary
    cells: ["region=cn-east-2,arch=amd64"]
  - name: rest
    where: {}`;
var StagesReader = class {
  lines = new import_yaml.LineCounter();
  file;
  constructor(file) {
    this.file = file;
  }
  parse(text) {
    const doc = (0, import_yaml.parseDocument)(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      const error = doc.errors[0];
      const line = error.linePos?.[0].line ?? 1;
      throw new UsageError(
        `${this.file}:${line}: not valid YAML: ${error.message.split("\n")[0]}; fix the syntax (indentation, quotes, a missing ":").`
      );
    }
    const root = doc.contents;
    if (!root || !(0, import_yaml.isMap)(root)) {
      throw new UsageError(
        `${this.file}:1: a stages file is a mapping with "waves:" (and usually "matrix:"), ${EXAMPLE}`
      );
    }
    const top = this.entries(root, "the top level", ["matrix", "waves"]);
    const matrix = top.has("matrix") ? this.matrix(top.get("matrix")) : null;
    const wavesNode = top.get("waves");
    if (!wavesNode)
      throw new UsageError(`${this.file}:${this.line(root)}: "waves:" is missing; list the waves in order, ${EXAMPLE}`);
    return {
      file: this.file,
      matrix: matrix?.cells ?? null,
      waves: this.waves(wavesNode.value, wavesNode.key, matrix)
    };
  }
  line(node) {
    const range = node?.range;
    return range ? this.lines.linePos(range[0]).line : 1;
  }
  fail(node, message) {
    throw new UsageError(`${this.file}:${this.line(node)}: ${message}`);
  }
  /** The pairs of a mapping, keyed by their (string) keys; unknown keys are an error naming the allowed ones. */
  entries(map, what2, allowed) {
    const out = /* @__PURE__ */ new Map();
    for (const pair of map.items) {
      const key = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : null;
      if (key === null || !allowed.includes(key)) {
        this.fail(
          pair.key,
          `${what2}: unknown key ${key === null ? "(not a plain name)" : `"${key}"`}; allowed: ${allowed.join(", ")}.`
        );
      }
      out.set(key, { key: pair.key, value: pair.value });
    }
    return out;
  }
  text(node, what2) {
    if (!(0, import_yaml.isScalar)(node)) this.fail(node, `${what2} must be a text value.`);
    if (typeof node.value !== "string") {
      this.fail(
        node,
        `${what2} is ${node.value === null ? "empty" : `the ${typeof node.value} ${String(node.value)}`}; write text, quoted when YAML would read it otherwise (e.g. "5.10", "true").`
      );
    }
    return node.value;
  }
  /** One value or a list of values of a dimension. */
  values(node, dim2, what2) {
    const items = (0, import_yaml.isSeq)(node) ? node.items : [node];
    if ((0, import_yaml.isSeq)(node) && items.length === 0) this.fail(node, `${what2} is an empty list; give at least one ${dim2} value.`);
    const out = [];
    for (const item of items) {
      const { value: value4 } = checkValue(dim2, this.text(item, what2), `${this.file}:${this.line(item)}: ${what2}`);
      if (out.includes(value4)) this.fail(item, `${what2} lists ${value4} twice; give each value once.`);
      out.push(value4);
    }
    return out;
  }
  dimensionMap(node, what2, extra = []) {
    if (!(0, import_yaml.isMap)(node))
      this.fail(node, `${what2} must be a mapping of dimension to values (dimensions: ${DIMENSIONS.join(", ")}).`);
    const values = {};
    for (const [key, { value: value4 }] of this.entries(node, what2, [...DIMENSIONS, ...extra])) {
      if (isDimension(key)) values[key] = this.values(value4, key, `${what2}.${key}`);
    }
    return { values, node };
  }
  matrix(entry) {
    const { values, node } = this.dimensionMap(entry.value, "matrix", ["exclude"]);
    const dims = DIMENSIONS.filter((d) => values[d]);
    if (dims.length === 0)
      this.fail(entry.key, `matrix names no dimension; give values for some of ${DIMENSIONS.join(", ")}, ${EXAMPLE}`);
    let combos = [{}];
    for (const dim2 of dims) combos = combos.flatMap((c3) => values[dim2].map((v) => ({ ...c3, [dim2]: v })));
    let cells = combos.map(cellFromDims);
    const exclude = node.items.find((p) => (0, import_yaml.isScalar)(p.key) && p.key.value === "exclude");
    if (exclude) {
      if (!(0, import_yaml.isSeq)(exclude.value))
        this.fail(
          exclude.value ?? exclude.key,
          "matrix.exclude must be a list of mappings, e.g. - { region: us-west-1, arch: arm64 }."
        );
      for (const [i2, item] of exclude.value.items.entries()) {
        const what2 = `matrix.exclude[${i2}]`;
        const filter = this.dimensionMap(item, what2).values;
        this.knownValues(filter, values, item, what2);
        const before = cells.length;
        cells = cells.filter((c3) => !matches(c3, filter));
        if (cells.length === before) this.fail(item, `${what2} excludes no cell; check its values against the matrix.`);
      }
    }
    if (cells.length === 0) this.fail(entry.key, "matrix.exclude removes every cell; nothing is left to roll out.");
    return { cells, values };
  }
  knownValues(filter, values, node, what2) {
    for (const dim2 of DIMENSIONS) {
      for (const v of filter[dim2] ?? []) {
        if (!values[dim2])
          this.fail(
            node,
            `${what2}: the matrix has no ${dim2} dimension; use one of ${DIMENSIONS.filter((d) => values[d]).join(", ")}.`
          );
        if (!values[dim2].includes(v))
          this.fail(
            node,
            `${what2}: ${dim2}=${v} is not in matrix.${dim2} (${values[dim2].join(", ")}); fix the value or add it to the matrix.`
          );
      }
    }
  }
  waves(node, key, matrix) {
    if (!(0, import_yaml.isSeq)(node) || node.items.length === 0)
      this.fail(node ?? key, `waves must be a non-empty list, first wave first, ${EXAMPLE}`);
    const taken = /* @__PURE__ */ new Map();
    const waves = [];
    for (const [i2, item] of node.items.entries()) {
      const index = i2 + 1;
      const what2 = `waves[${i2}] (wave ${index})`;
      if (!(0, import_yaml.isMap)(item))
        this.fail(item, `${what2} must be a mapping with "cells:" or "where:" (and an optional "name:").`);
      const fields = this.entries(item, what2, ["name", "cells", "where"]);
      const name = fields.has("name") ? this.text(fields.get("name").value, `${what2}.name`).trim() : `wave ${index}`;
      const clash = waves.find((w) => w.name === name);
      if (clash)
        this.fail(item, `${what2}: the name "${name}" is already wave ${clash.index}'s; give each wave its own name.`);
      const wave = { index, name, cells: [], line: this.line(item) };
      if (fields.has("cells") === fields.has("where")) {
        this.fail(
          item,
          `${what2} needs exactly one of "cells:" (a list of cells) or "where:" (a filter on the matrix's dimensions, {} for every cell left).`
        );
      }
      if (fields.has("cells")) {
        const list2 = fields.get("cells").value;
        if (!(0, import_yaml.isSeq)(list2) || list2.items.length === 0)
          this.fail(
            list2 ?? item,
            `${what2}.cells must be a non-empty list of cells such as "region=cn-east-2,arch=amd64".`
          );
        for (const [j, c3] of list2.items.entries()) {
          const cwhat = `${what2}.cells[${j}]`;
          const cell = (0, import_yaml.isMap)(c3) ? this.mapCell(c3, cwhat) : parseCell(this.text(c3, cwhat), `${this.file}:${this.line(c3)}: ${cwhat}`);
          if (!cell.id) this.fail(c3, `${cwhat} names no dimension; write e.g. region=cn-east-2,arch=amd64.`);
          if (matrix && !matrix.cells.some((m) => m.id === cell.id))
            this.fail(
              c3,
              `${cwhat}: ${cell.id} is not a cell of the matrix (or is excluded); fix it or add its values to matrix.`
            );
          const earlier = taken.get(cell.id);
          if (earlier)
            this.fail(
              c3,
              `${cwhat}: ${cell.id} is already in wave ${earlier.index} (${earlier.name}); a cell belongs to one wave.`
            );
          if (wave.cells.some((w) => w.id === cell.id))
            this.fail(c3, `${cwhat}: ${cell.id} is listed twice in this wave.`);
          wave.cells.push(cell);
        }
      } else {
        const where = fields.get("where");
        if (!matrix)
          this.fail(
            where.key,
            `${what2}.where filters the matrix, but the file has no "matrix:"; add one, or list the wave's cells under "cells:".`
          );
        const filter = this.dimensionMap(where.value, `${what2}.where`).values;
        this.knownValues(filter, matrix.values, where.value, `${what2}.where`);
        wave.cells = matrix.cells.filter((c3) => matches(c3, filter) && !taken.has(c3.id));
        if (wave.cells.length === 0)
          this.fail(
            where.key,
            `${what2}.where matches no cell that an earlier wave has not taken; widen the filter or drop the wave.`
          );
      }
      if (wave.cells.length > MAX_WAVE_CELLS)
        this.fail(
          item,
          `${what2} has ${wave.cells.length} cells; GitHub runs at most ${MAX_WAVE_CELLS} jobs from one matrix: split it into more waves.`
        );
      for (const c3 of wave.cells) taken.set(c3.id, wave);
      waves.push(wave);
    }
    return waves;
  }
  /** A cell written as a mapping: { region: cn-east-2, arch: amd64 }. */
  mapCell(map, what2) {
    for (const pair of map.items) {
      if ((0, import_yaml.isSeq)(pair.value))
        this.fail(
          pair.value,
          `${what2}: a cell has one value per dimension, not a list; use a "where:" wave to pick several.`
        );
    }
    const values = this.dimensionMap(map, what2).values;
    return cellFromDims(Object.fromEntries(DIMENSIONS.filter((d) => values[d]).map((d) => [d, values[d][0]])));
  }
};
function matches(cell, filter) {
  return DIMENSIONS.every(
    (dim2) => filter[dim2] === void 0 || cell.dims[dim2] !== void 0 && filter[dim2].includes(cell.dims[dim2])
  );
}
function parseStages(text, file) {
  return new StagesReader(file).parse(text);
}

// src/fuse/commands.ts
var FuseStoreTrouble = class extends Error {
  name = "FuseStoreTrouble";
};
function open(context2) {
  return openFuseStore(parseStoreConfig(context2.store), context2.fenv);
}
async function storeStep(store, what2, step) {
  try {
    return await step();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new FuseStoreTrouble(
      `fuse: could not ${what2} ${store.where}: ${errorMessage(error)}; treat the cell as not cleared and try again.`
    );
  }
}
async function fuseCheck(cellText, context2) {
  if (!cellText)
    throw new UsageError(
      'memgate fuse check needs --cell, e.g. --cell "region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64".'
    );
  const cell = parseCell(cellText);
  const store = open(context2);
  const result = await storeStep(
    store,
    "read the fuse from",
    async () => checkCell(foldRecords(await store.read()), cell)
  );
  const message = result.fused ? result.message : `cell ${cell.id} may run: neither it nor any of its dimension values is tripped (${store.where}).`;
  context2.say(`fuse: ${message}`);
  return { fused: result.fused, message };
}
async function fuseStatus(history, context2) {
  const store = open(context2);
  return storeStep(store, "read the fuse from", async () => {
    const records = history ? await store.history() : void 0;
    return statusView(foldRecords(records ?? await store.read()), store.scope, store.where, records, {
      now: Date.now(),
      ownerAlive: localOwnerAlive
    });
  });
}
function targets(given, command) {
  const cells = given.cells.map((c3) => parseCell(c3).id);
  const dims = given.dimensions.map((d) => parseDimensionValue(d));
  if (cells.length + dims.length === 0)
    throw new UsageError(
      `${command} needs what to act on: --cell "region=...,arch=..." and/or --dimension arch=arm64 (each may repeat).`
    );
  return { cells, dims };
}
function reasonOf(text, command) {
  const reason = text?.replace(/\s+/g, " ").trim();
  if (!reason)
    throw new UsageError(
      `${command} needs --reason "..." saying why; it is recorded with the ${command.endsWith("reset") ? "reset" : "trip"} (GitHub keeps the first ~120 characters).`
    );
  return reason;
}
async function fuseReset(given, reasonText, context2) {
  const command = "memgate fuse reset";
  const { cells, dims } = targets(given, command);
  const reason = reasonOf(reasonText, command);
  const store = open(context2);
  const { env } = context2.fenv;
  const common2 = {
    state: "reset",
    reason,
    at: (/* @__PURE__ */ new Date()).toISOString(),
    by: actorFromEnv(env),
    url: runUrlFromEnv(env)
  };
  await storeStep(store, "reset in", async () => {
    const state = foldRecords(await store.read());
    for (const id of cells) {
      const latest = state.cells.get(id)?.latest;
      if (!latest || latest.state === "reset") {
        context2.say(`fuse: cell ${id} has no result to reset; nothing recorded.`);
        continue;
      }
      await store.append({ kind: "cell", cell: id, ...common2 });
      context2.say(`fuse: reset cell ${id} (was ${latest.state}): "${reason}"; it may run again.`);
    }
    for (const dv of dims) {
      if (!isTripped(state.dims.get(dimKey(dv)))) {
        context2.say(`fuse: ${dimKey(dv)} is not tripped; nothing recorded.`);
        continue;
      }
      await store.append({ kind: "dim", ...dv, cells: [], ...common2 });
      context2.say(`fuse: reset ${dimKey(dv)}: "${reason}"; its earlier blocked cells no longer count toward the rule.`);
    }
    const after = foldRecords(await store.read());
    for (const id of cells) {
      const result = checkCell(after, parseCell(id));
      if (result.fused) context2.say(`fuse: note: ${result.message}`);
    }
  });
}
async function fuseTrip(given, reasonText, thresholdText, context2) {
  const command = "memgate fuse trip";
  const { cells, dims } = targets(given, command);
  const reason = reasonOf(reasonText, command);
  const threshold = parseThreshold(thresholdText ?? Defaults.fuseDimensionThreshold);
  const store = open(context2);
  const { env } = context2.fenv;
  const common2 = { reason, at: (/* @__PURE__ */ new Date()).toISOString(), by: actorFromEnv(env), url: runUrlFromEnv(env) };
  await storeStep(store, "trip in", async () => {
    for (const id of cells) {
      await store.append({ kind: "cell", cell: id, state: "blocked", ...common2 });
      context2.say(`fuse: TRIPPED cell ${id}: ${reason}`);
    }
    for (const dv of dims) {
      await store.append({ kind: "dim", ...dv, state: "tripped", cells: [], ...common2 });
      context2.say(`fuse: TRIPPED ${dimKey(dv)}: ${reason}`);
    }
    if (cells.length) {
      const mine = new Set(cells.flatMap((id) => Object.entries(parseCell(id).dims).map(([d, v]) => `${d}=${v}`)));
      for (const t of dimensionTrips(foldRecords(await store.read()), threshold, Date.now(), localOwnerAlive).filter(
        (t2) => mine.has(dimKey(t2))
      )) {
        await store.append({
          kind: "dim",
          dim: t.dim,
          value: t.value,
          state: "tripped",
          cells: t.blocked,
          ...common2,
          reason: t.reason
        });
        context2.say(`fuse: TRIPPED ${dimKey(t)}: ${t.reason}; caused by ${t.blocked.join("; ")}`);
      }
    }
  });
}
async function planStage(file, stageText, context2) {
  if (!file) throw new UsageError("memgate plan needs --stages FILE (the YAML list of waves) and --stage N.");
  if (!stageText || !/^\d+$/.test(stageText.trim()))
    throw new UsageError(
      `memgate plan needs --stage N, the wave to promote (1 for the first wave)${stageText ? `; "${stageText}" is not a number` : ""}.`
    );
  let text;
  try {
    text = readFileSync10(resolve3(context2.fenv.cwd, file), "utf8");
  } catch (error) {
    throw new UsageError(
      `--stages ${file}: cannot read it (${error.code ?? errorMessage(error)}); give the path of the stages YAML file.`
    );
  }
  const stages = parseStages(text, file);
  const n2 = Number(stageText);
  if (n2 < 1 || n2 > stages.waves.length) planWave(stages, n2, foldRecords([]));
  const store = open(context2);
  const plan2 = await storeStep(
    store,
    "read the fuse from",
    async () => planWave(stages, n2, foldRecords(await store.read()), { now: Date.now(), ownerAlive: localOwnerAlive })
  );
  if (plan2.kind === "held") return { kind: "held", message: `plan: ${plan2.message}` };
  return {
    kind: "ready",
    matrix: plan2.matrix,
    wave: n2,
    name: plan2.wave.name,
    cells: plan2.wave.cells.length,
    leftOut: plan2.leftOut,
    where: store.where
  };
}
var STORE_OPTIONS = [Option.FuseStore, Option.FuseDir, Option.FuseScope];

// src/cli/fuse-commands.ts
var CELL_HELP = `CELL is dimension=value pairs, e.g. "region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64"
(dimensions: region, isp, os, arch; values case-insensitive).`;
var STORE_HELP = `  --fuse-scope NAME                 one rollout (default: commit SHA + workflow, GITHUB_SHA/GITHUB_WORKFLOW,
                                    or git HEAD + "local")
  --fuse-store auto|github|dir      where the fuse lives (${Defaults.fuseStore}): auto is commit statuses inside GitHub Actions
                                    (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_SHA), else a directory
  --fuse-dir DIR                    the directory store (${Defaults.fuseDir})`;
var THRESHOLD_HELP = `  --fuse-dimension-threshold RULE   when blocked cells trip their shared dimension value: N cells, P% (or >P%)
                                    of the value's finished cells, or both ("${Defaults.fuseDimensionThreshold}", the default)`;
var FUSE_RUN_OPTIONS_HELP = `  --cell CELL                       gate one cell of a staged rollout: skip it when fused, trip the fuse when it blocks
  --fuse on|off                     gate with the fuse (${Defaults.fuse})
${THRESHOLD_HELP}
${STORE_HELP}`;
var FUSE_USAGE = `Usage: memgate fuse check|status|reset|trip [options]

The matrix fuse of a staged rollout (memgate run --cell CELL --fuse on gates one cell with it):
  memgate fuse check --cell CELL          exit 1 (with the reason and the tripping cell) when CELL is fused, else 0
  memgate fuse status [--json] [--history]
  memgate fuse reset --cell CELL | --dimension DIM=VALUE ... --reason TEXT
  memgate fuse trip --cell CELL | --dimension DIM=VALUE --reason TEXT   (stop by hand)
  memgate plan --stages FILE --stage N    wave N's GitHub strategy.matrix JSON, fused cells left out

${CELL_HELP}
memgate fuse COMMAND --help shows that command's options. Every fuse command takes:
${STORE_HELP}`;
var CHECK_USAGE = `Usage: memgate fuse check --cell CELL [store options]

Exit 1, printing the reason and the cell that tripped it, when CELL or one of its dimension values is
fused; exit 0 when it may run; exit 3 when the fuse cannot be read (try again).
${CELL_HELP}

Options:
  --cell CELL                       the cell to check (required)
${STORE_HELP}`;
var STATUS_USAGE = `Usage: memgate fuse status [--json] [--history] [store options]

Prints the rollout's dimension values and cells with their state, as a table.

Options:
  --json                            the same as JSON
  --history                         every record, resets and their reasons included
${STORE_HELP}`;
var RESET_USAGE = `Usage: memgate fuse reset (--cell CELL | --dimension DIM=VALUE)... --reason TEXT [store options]

Lets a cell or a dimension value run again after a fix; the reason and who reset it are recorded.
${CELL_HELP}

Options:
  --cell CELL                       a cell to reset (may repeat)
  --dimension DIM=VALUE             a dimension value to reset, e.g. arch=arm64 (may repeat)
  --reason TEXT                     why (required; GitHub keeps the first ~120 characters)
${STORE_HELP}`;
var TRIP_USAGE = `Usage: memgate fuse trip (--cell CELL | --dimension DIM=VALUE)... --reason TEXT [options]

Stops cells or dimension values by hand; a tripped cell may trip its dimension values by the rule.
${CELL_HELP}

Options:
  --cell CELL                       a cell to trip (may repeat)
  --dimension DIM=VALUE             a dimension value to trip, e.g. region=us-west-1 (may repeat)
  --reason TEXT                     why (required)
${THRESHOLD_HELP}
${STORE_HELP}`;
var PLAN_USAGE = `Usage: memgate plan --stages FILE --stage N [store options]

Prints wave N's GitHub strategy.matrix JSON ({"include":[...]}) to stdout, leaving out fused cells
(stderr says which and why). Exit 1, with nothing on stdout, while wave N-1 is not fully passed.
When every cell of the wave is fused it prints {"include":[]}: skip that wave's job.

Options:
  --stages FILE                     the stages YAML file: the matrix and its waves (required)
  --stage N                         the wave to promote, 1 for the first (required)
${STORE_HELP}`;
var str = (flags, name) => {
  const v = flags[name];
  return typeof v === "string" ? v : void 0;
};
var list = (flags, name) => {
  const v = flags[name];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
};
function context(flags, io) {
  const store = Object.fromEntries(STORE_OPTIONS.map((name) => [name, str(flags, name)]));
  return { fenv: { env: io.env, cwd: io.cwd }, store, say: (line) => io.stdout(`${neutraliseCommands(line)}
`) };
}
function guarded(run3) {
  return async (args, io) => {
    try {
      return await run3(args, io);
    } catch (error) {
      if (!(error instanceof FuseStoreTrouble)) throw error;
      printError(io, error.message);
      return ExitCode.Inconclusive;
    }
  };
}
var check = async (args, io) => {
  const { flags } = parseFlags("memgate fuse check", args, { strings: [Option.Cell, ...STORE_OPTIONS] });
  const outcome = await fuseCheck(str(flags, Option.Cell), context(flags, io));
  return outcome.fused ? ExitCode.Blocked : ExitCode.Pass;
};
var status = async (args, io) => {
  const { flags } = parseFlags("memgate fuse status", args, { strings: STORE_OPTIONS, booleans: ["json", "history"] });
  const view = await fuseStatus(flags.history === true, context(flags, io));
  io.stdout((flags.json ? JSON.stringify(view, null, 2) : neutraliseCommands(renderStatus(view))) + "\n");
  return ExitCode.Pass;
};
var reset2 = async (args, io) => {
  const { flags } = parseFlags("memgate fuse reset", args, {
    strings: [Option.Cell, "dimension", "reason", ...STORE_OPTIONS],
    multiple: [Option.Cell, "dimension"]
  });
  await fuseReset(
    { cells: list(flags, Option.Cell), dimensions: list(flags, "dimension") },
    str(flags, "reason"),
    context(flags, io)
  );
  return ExitCode.Pass;
};
var trip = async (args, io) => {
  const { flags } = parseFlags("memgate fuse trip", args, {
    strings: [Option.Cell, "dimension", "reason", Option.FuseDimensionThreshold, ...STORE_OPTIONS],
    multiple: [Option.Cell, "dimension"]
  });
  await fuseTrip(
    { cells: list(flags, Option.Cell), dimensions: list(flags, "dimension") },
    str(flags, "reason"),
    str(flags, Option.FuseDimensionThreshold),
    context(flags, io)
  );
  return ExitCode.Pass;
};
var fuseCommand = {
  name: "fuse",
  summary: "check, show, reset or trip the matrix fuse of a staged rollout",
  usage: FUSE_USAGE,
  commands: [
    { name: "check", summary: "exit 1 when a cell is fused, else 0", usage: CHECK_USAGE, run: guarded(check) },
    { name: "status", summary: "the rollout's dimension values and cells", usage: STATUS_USAGE, run: guarded(status) },
    {
      name: "reset",
      summary: "let cells or dimension values run again, with a reason",
      usage: RESET_USAGE,
      run: guarded(reset2)
    },
    {
      name: "trip",
      summary: "stop cells or dimension values by hand, with a reason",
      usage: TRIP_USAGE,
      run: guarded(trip)
    }
  ]
};
var plan = async (args, io) => {
  const { flags } = parseFlags("memgate plan", args, { strings: ["stages", "stage", ...STORE_OPTIONS] });
  const outcome = await planStage(str(flags, "stages"), str(flags, "stage"), context(flags, io));
  if (outcome.kind === "held") {
    printError(io, outcome.message);
    return ExitCode.Blocked;
  }
  io.stdout(JSON.stringify(outcome.matrix) + "\n");
  const { include } = outcome.matrix;
  io.logger.info(
    `plan: wave ${outcome.wave} (${outcome.name}): ${include.length} of ${outcome.cells} cells to run${outcome.leftOut.length ? `, ${outcome.leftOut.length} left out by the fuse` : ""} (${outcome.where})`
  );
  for (const left of outcome.leftOut) io.logger.info(`plan: left out: ${left.message}`);
  if (include.length === 0)
    io.logger.warn(
      `plan: every cell of wave ${outcome.wave} is fused; the matrix is empty, so skip the wave's job (GitHub refuses an empty matrix).`
    );
  return ExitCode.Pass;
};
var planCommand = {
  name: "plan",
  summary: "print a wave's GitHub strategy.matrix JSON, fused cells left out",
  usage: PLAN_USAGE,
  run: guarded(plan)
};

// src/config/fleet-plan.ts
import { readFileSync as readFileSync11 } from "node:fs";
import { resolve as resolve4 } from "node:path";
function value3(raw, name) {
  const v = raw[name]?.trim();
  return v === void 0 || v === "" ? void 0 : v;
}
var LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
function parseBy(text) {
  const by = [];
  for (const part of text.split(",").map((p) => p.trim())) {
    if (part === "")
      throw new UsageError(
        `--${Option.By} "${text}" has an empty entry; give dimensions separated by commas, e.g. --${Option.By} region,arch or --${Option.By} region=topology_region.`
      );
    const [dimension, label = dimension, more] = part.split("=").map((s) => s.trim());
    if (more !== void 0 || !LABEL.test(dimension) || !LABEL.test(label)) {
      throw new UsageError(
        `--${Option.By}: "${part}" is not DIMENSION or DIMENSION=LABEL (label names: letters, digits, _), e.g. --${Option.By} region=topology_region.`
      );
    }
    if (by.some((b) => b.dimension === dimension.toLowerCase()))
      throw new UsageError(`--${Option.By}: ${dimension} is given twice; give each dimension once.`);
    by.push({ dimension: dimension.toLowerCase(), label });
  }
  return by;
}
function parseEnd(text, nowSec) {
  if (/^\d+(\.\d+)?$/.test(text)) {
    const sec = Number(text);
    if (sec > 1e11)
      throw new UsageError(
        `--${Option.End} ${text} looks like milliseconds; give unix seconds (e.g. ${Math.floor(nowSec)}) or RFC 3339.`
      );
    return sec;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text)) {
    throw new UsageError(`--${Option.End} "${text}" is neither RFC 3339 (e.g. 2026-12-02T10:00:00Z) nor unix seconds.`);
  }
  const ms = Date.parse(text);
  if (!Number.isFinite(ms))
    throw new UsageError(`--${Option.End} "${text}" is not a valid time; e.g. 2026-12-02T10:00:00Z.`);
  return ms / 1e3;
}
function positiveInt(text, option, max) {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max)
    throw new UsageError(`--${option} "${text}" must be a whole number from 1 to ${max}.`);
  return Number(text);
}
function buildFleetPlan(raw, context2) {
  const get = (name) => value3(raw, name);
  const prometheusUrl = get(Option.Prometheus);
  if (!prometheusUrl)
    throw new UsageError(
      `--${Option.Prometheus} is required: the base URL of a Prometheus-compatible store, e.g. --${Option.Prometheus} http://prometheus:9090.`
    );
  const metric = get(Option.Metric);
  if (!metric)
    throw new UsageError(
      `--${Option.Metric} is required: the memory series, one per instance, e.g. --${Option.Metric} 'process_resident_memory_bytes{job="shop"}'.`
    );
  const baseline = get(Option.Baseline);
  const gray2 = get(Option.Gray);
  if (!baseline || !gray2)
    throw new UsageError(
      `--${Option.Baseline} and --${Option.Gray} are required in fleet mode: label matchers that pick each side's instances, e.g. --${Option.Baseline} 'track="stable"' --${Option.Gray} 'track="canary"'.`
    );
  const byText = get(Option.By);
  if (!byText)
    throw new UsageError(
      `--${Option.By} is required: the labels that make a cell (fuse dimensions), e.g. --${Option.By} region or --${Option.By} region=topology_region,arch.`
    );
  const by = parseBy(byText);
  const instanceLabel = get(Option.InstanceLabel) ?? Defaults.instanceLabel;
  if (!LABEL.test(instanceLabel))
    throw new UsageError(`--${Option.InstanceLabel} "${instanceLabel}" is not a label name (letters, digits, _).`);
  if (by.some((b) => b.label === instanceLabel))
    throw new UsageError(
      `--${Option.InstanceLabel} ${instanceLabel} is also a cell label in --${Option.By}; an instance label must tell instances apart within a cell.`
    );
  const windowMs = parseDuration(get(Option.Window) ?? Defaults.window, Option.Window);
  if (windowMs < 3e4)
    throw new UsageError(
      `--${Option.Window} must be at least 30s (the judge needs 8 readings a side over 4 floor bins), e.g. --${Option.Window} 30m.`
    );
  const endText = get(Option.End);
  const endSec = endText === void 0 ? Math.floor(context2.nowSec) : parseEnd(endText, context2.nowSec);
  const stepText = get(Option.Step);
  const stepMs = stepText === void 0 ? null : parseDuration(stepText, Option.Step);
  if (stepMs !== null && (stepMs < 1e3 || stepMs * 8 > windowMs))
    throw new UsageError(
      `--${Option.Step} must be at least 1s and leave 8 readings in the window (--${Option.Window} ${get(Option.Window) ?? Defaults.window}).`
    );
  const minInstances = positiveInt(get(Option.MinInstances) ?? Defaults.minInstances, Option.MinInstances, 1e4);
  const stagesFile = get(Option.Stages);
  const stageText = get(Option.Stage);
  if (stagesFile === void 0 !== (stageText === void 0))
    throw new UsageError(
      `--${Option.Stages} FILE and --${Option.Stage} N go together: the wave whose cells are judged, e.g. --${Option.Stages} .github/stages.yml --${Option.Stage} 1.`
    );
  const stages = stagesFile && stageText ? { file: stagesFile, stage: positiveInt(stageText, Option.Stage, 1e3) } : null;
  const tokenEnv = get(Option.PrometheusTokenEnv) ?? Defaults.prometheusTokenEnv;
  const bearerToken = context2.env[tokenEnv]?.trim() || null;
  const user = get(Option.PrometheusUser);
  const password = context2.env[PROMETHEUS_PASSWORD_ENV] ?? "";
  if (user !== void 0 && bearerToken)
    throw new UsageError(
      `both a bearer token (${tokenEnv}) and --${Option.PrometheusUser} are set; give one way to log in.`
    );
  if (user !== void 0 && password === "")
    throw new UsageError(
      `--${Option.PrometheusUser} ${user} needs its password in the environment variable ${PROMETHEUS_PASSWORD_ENV} (never on the command line).`
    );
  const caPath = get(Option.PrometheusCa);
  let caPem = null;
  if (caPath !== void 0) {
    try {
      caPem = readFileSync11(resolve4(context2.cwd, caPath), "utf8");
    } catch (error) {
      throw new UsageError(
        `--${Option.PrometheusCa} ${caPath}: cannot read it (${error.code ?? "error"}); give the PEM file of the CA that signed the store's certificate.`
      );
    }
    if (!caPem.includes("-----BEGIN CERTIFICATE-----"))
      throw new UsageError(
        `--${Option.PrometheusCa} ${caPath} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`
      );
  }
  const queryTimeoutMs = parseDuration(get(Option.QueryTimeout) ?? Defaults.queryTimeout, Option.QueryTimeout);
  if (queryTimeoutMs < 1e3)
    throw new UsageError(`--${Option.QueryTimeout} must be at least 1s; the default is ${Defaults.queryTimeout}.`);
  const pprofText = get(Option.Pprof);
  const pprof = pprofText === void 0 || pprofText === "off" ? null : pprofText;
  if (pprof !== null && (!pprof.includes("{instance}") || !/^https?:\/\//.test(pprof))) {
    throw new UsageError(
      `--${Option.Pprof} in fleet mode is an http(s) URL with {instance} where the instance label's value goes, e.g. --${Option.Pprof} 'http://{instance}/debug/pprof' (or off).`
    );
  }
  const profileIntervalMs = parseDuration(
    get(Option.ProfileInterval) ?? Defaults.profileInterval,
    Option.ProfileInterval
  );
  if (profileIntervalMs < 500)
    throw new UsageError(
      `--${Option.ProfileInterval} must be at least 500ms; the default is ${Defaults.profileInterval}.`
    );
  const judge2 = parseJudgeSettings({ ...raw, [Option.Warmup]: "0s" });
  return {
    ...judge2,
    warmupMs: 0,
    prometheusUrl,
    metric,
    heapMetric: get(Option.HeapMetric) ?? null,
    baseline,
    gray: gray2,
    by,
    instanceLabel,
    windowMs,
    endSec,
    endText: new Date(endSec * 1e3).toISOString(),
    stepMs,
    minInstances,
    pprof,
    profileIntervalMs,
    stages,
    auth: { bearerToken, basic: user !== void 0 ? { user, password } : null, caPem },
    queryTimeoutMs,
    queryConcurrency: positiveInt(
      get(Option.QueryConcurrency) ?? Defaults.queryConcurrency,
      Option.QueryConcurrency,
      64
    ),
    outDir: get(Option.Out) ?? Defaults.out
  };
}

// src/report/fleet-report.ts
var GRADE_ORDER = ["P0", "P1", "P2", "P3"];
function buildFleetReport(cells, settings, extra) {
  const count2 = (v) => cells.filter((c3) => c3.verdict === v).length;
  const blocked = count2("fail") + count2("fused");
  const verdict = blocked > 0 ? "fail" : count2("inconclusive") > 0 || cells.length === 0 ? "inconclusive" : count2("warn") > 0 ? "warn" : "pass";
  const grades = cells.map((c3) => c3.grade).filter((g2) => g2 !== null);
  const grade = GRADE_ORDER.find((g2) => grades.includes(g2)) ?? null;
  const exitCode = blocked > 0 ? ExitCode.Blocked : verdict === "inconclusive" && settings.onInconclusive === "fail" ? ExitCode.Inconclusive : ExitCode.Pass;
  return {
    schema: FLEET_REPORT_SCHEMA,
    memgateVersion: VERSION,
    verdict,
    grade,
    exitCode,
    settings,
    summary: {
      cells: cells.length,
      pass: count2("pass"),
      warn: count2("warn"),
      fail: count2("fail"),
      inconclusive: count2("inconclusive"),
      fused: count2("fused"),
      instances: {
        baseline: cells.reduce((a2, c3) => a2 + c3.instances.baseline.length, 0),
        gray: cells.reduce((a2, c3) => a2 + c3.instances.gray.length, 0)
      },
      restarts: cells.reduce((a2, c3) => a2 + c3.restarts, 0),
      queries: extra.queries
    },
    // Blocked cells first, then the undecided, then the rest; by cell id within each.
    cells: [...cells].sort(
      (a2, b) => VERDICT_ORDER[a2.verdict] - VERDICT_ORDER[b.verdict] || (a2.cell < b.cell ? -1 : a2.cell > b.cell ? 1 : 0)
    ),
    warnings: extra.warnings
  };
}
var VERDICT_ORDER = { fail: 0, fused: 1, inconclusive: 2, warn: 3, pass: 4 };
var isBlocked = (c3) => c3.verdict === "fail" || c3.verdict === "fused";
var rate2 = (v) => v === null || v === void 0 ? "n/a" : formatRate(v);
var bytes2 = (v) => v === null ? "n/a" : formatBytes(v);
var firstReason = (c3) => c3.reasons[0]?.message ?? "";
function cellColumns(c3) {
  return [
    c3.cell,
    c3.verdict + (c3.grade ? ` ${c3.grade}` : ""),
    `${c3.instances.gray.length} / ${c3.instances.baseline.length}`,
    c3.report ? formatPercent(c3.p95Increase) : "n/a",
    c3.slopeDifference ? `${formatRate(c3.slopeDifference.bytesPerSec)} [${formatRate(c3.slopeDifference.low)} .. ${formatRate(c3.slopeDifference.high)}]` : "n/a",
    String(c3.restarts)
  ];
}
var CELL_HEAD = [
  "cell",
  "verdict",
  "gray / baseline instances",
  "P95 change",
  "floor slope difference (99% CI)",
  "restarts"
];
function worstGray(c3, n2) {
  return [...c3.instances.gray].sort((a2, b) => (b.slopeBytesPerSec ?? -Infinity) - (a2.slopeBytesPerSec ?? -Infinity)).slice(0, n2);
}
function headline(report) {
  const s = report.summary;
  const parts = [
    `${s.fail} blocked`,
    s.fused ? `${s.fused} fused` : "",
    `${s.inconclusive} inconclusive`,
    `${s.warn} warn`,
    `${s.pass} pass`
  ].filter(Boolean);
  return `${s.cells} cell${s.cells === 1 ? "" : "s"}: ${parts.join(", ")}; ${s.instances.gray} gray and ${s.instances.baseline} baseline instances judged, ${s.restarts} restart${s.restarts === 1 ? "" : "s"}`;
}
function renderFleetConsole(report, detailCells = 10) {
  const lines = [];
  lines.push(
    `memgate fleet: ${report.verdict.toUpperCase()}${report.grade ? ` (${report.grade})` : ""}: ${headline(report)}`
  );
  lines.push(
    `  ${report.settings.metric} from ${report.settings.store}, window ${formatDuration(report.settings.windowMs)} to ${report.settings.end}, step ${formatDuration(report.settings.stepMs)}`
  );
  const rows = [CELL_HEAD, ...report.cells.map(cellColumns)];
  const widths = CELL_HEAD.map((_, i2) => Math.min(60, Math.max(...rows.map((r) => r[i2].length))));
  for (const row of rows)
    lines.push(
      "  " + row.map((v, i2) => v.padEnd(widths[i2])).join("  ").trimEnd()
    );
  for (const c3 of report.cells.filter(isBlocked).slice(0, detailCells)) {
    lines.push("", `cell ${c3.cell}: ${c3.verdict}${c3.grade ? ` ${c3.grade}` : ""}`);
    for (const r of c3.reasons) lines.push(`  ${r.outcome}: ${r.message}`);
    const worst = worstGray(c3, 5);
    if (worst.length)
      lines.push(
        `  steepest gray instances: ${worst.map((i2) => `${i2.instance} ${rate2(i2.slopeBytesPerSec)} (P95 ${bytes2(i2.p95Bytes)})`).join("; ")}`
      );
    if (c3.heap?.difference)
      lines.push(
        `  heap (${c3.heap.metric}): floor slope difference ${rate2(c3.heap.difference.bytesPerSec)} [${rate2(c3.heap.difference.low)} .. ${rate2(c3.heap.difference.high)}]`
      );
    if (c3.profiles) {
      lines.push(
        `  live profiles of gray ${c3.profiles.gray ?? "n/a"} against baseline ${c3.profiles.baseline ?? "n/a"}:`
      );
      for (const [i2, s] of c3.profiles.suspects.slice(0, 5).entries())
        lines.push(`    ${i2 + 1}. ${describeSuspect(s)}${s.pattern ? ` [${s.pattern}]` : ""}`);
      for (const p of c3.profiles.patterns)
        lines.push(`    pattern ${p.id} (${Math.round(p.confidence * 100)}% sure): ${p.message}`);
    }
  }
  const undecided2 = report.cells.filter((c3) => c3.verdict === "inconclusive");
  if (undecided2.length) {
    lines.push("");
    for (const c3 of undecided2.slice(0, detailCells)) lines.push(`cell ${c3.cell}: inconclusive: ${firstReason(c3)}`);
  }
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines.map(neutraliseLine).join("\n");
}
var HTML_BANNER = {
  pass: "#1a7f37",
  warn: "#9a6700",
  fail: "#cf222e",
  fused: "#cf222e",
  inconclusive: "#6e7781"
};
function renderFleetHtml(report) {
  const h2 = escapeHtml;
  const table3 = (head, rows) => `<table><thead><tr>${head.map((x) => `<th>${h2(x)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.join("")}</tr>`).join("")}</tbody></table>`;
  const sections = [];
  sections.push(
    `<h1><span class="verdict" style="background:${HTML_BANNER[report.verdict]}">${h2(report.verdict.toUpperCase())}</span>${report.grade ? ` <span class="grade">${report.grade}</span>` : ""} memgate fleet report</h1>`
  );
  sections.push(
    `<p>${h2(headline(report))}</p><p class="cmd">metric <code>${h2(report.settings.metric)}</code> from ${h2(report.settings.store)} \xB7 baseline <code>${h2(report.settings.baseline)}</code> \xB7 gray <code>${h2(report.settings.gray)}</code> \xB7 window ${h2(formatDuration(report.settings.windowMs))} to ${h2(report.settings.end)} \xB7 step ${h2(formatDuration(report.settings.stepMs))}</p>`
  );
  sections.push(
    table3(
      CELL_HEAD,
      report.cells.map((c3) => {
        const cols = cellColumns(c3).map(h2);
        return [
          `<td><a href="#${h2(anchor(c3.cell))}"><code>${cols[0]}</code></a></td>`,
          `<td style="color:${HTML_BANNER[c3.verdict]}"><b>${cols[1]}</b></td>`,
          ...cols.slice(2).map((x) => `<td>${x}</td>`)
        ];
      })
    )
  );
  for (const c3 of report.cells.filter((x) => x.verdict !== "pass")) {
    const parts = [
      `<h2 id="${h2(anchor(c3.cell))}"><code>${h2(c3.cell)}</code>: ${h2(c3.verdict)}${c3.grade ? ` ${c3.grade}` : ""}</h2>`
    ];
    parts.push(
      `<ul>${c3.reasons.map((r) => `<li><b>${h2(r.outcome)}</b> (${h2(r.rule)}): ${h2(r.message)}</li>`).join("")}</ul>`
    );
    if (isBlocked(c3) && c3.report)
      parts.push(
        `<figure>${svgChart(c3.report.timeline, 0)}<figcaption>Mean memory of the cell's instances, each side (from the store).</figcaption></figure>`
      );
    const worst = worstGray(c3, 10);
    if (isBlocked(c3) && worst.length) {
      parts.push(
        table3(
          ["gray instance", "floor slope", "P95", "floor at end", "restarts"],
          worst.map(
            (i2) => [i2.instance, rate2(i2.slopeBytesPerSec), bytes2(i2.p95Bytes), bytes2(i2.lastFloorBytes), String(i2.restarts)].map(
              (x) => `<td>${h2(x)}</td>`
            )
          )
        )
      );
    }
    if (c3.profiles && (c3.profiles.suspects.length || c3.profiles.patterns.length)) {
      parts.push(
        `<p>Live profiles of gray <code>${h2(c3.profiles.gray ?? "n/a")}</code> against baseline <code>${h2(c3.profiles.baseline ?? "n/a")}</code>:</p><ol>${c3.profiles.suspects.slice(0, 10).map((s) => `<li><code>${h2(s.function)}</code> ${h2(describeSuspect(s).slice(s.function.length))}</li>`).join(
          ""
        )}</ol><ul>${c3.profiles.patterns.map((p) => `<li><b>${h2(p.id)}</b>: ${h2(p.message)} <i>Fix:</i> ${h2(p.hint)}</li>`).join("")}</ul>`
      );
    }
    if (c3.warnings.length)
      parts.push(
        `<details><summary>${c3.warnings.length} warning(s)</summary><ul>${c3.warnings.map((w) => `<li>${h2(w)}</li>`).join("")}</ul></details>`
      );
    sections.push(parts.join("\n"));
  }
  if (report.warnings.length)
    sections.push(`<h2>Warnings</h2><ul>${report.warnings.map((w) => `<li>${h2(w)}</li>`).join("")}</ul>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>memgate fleet: ${h2(report.verdict)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#1f2328;padding:0 16px}
.verdict{color:#fff;padding:2px 10px;border-radius:6px}.grade{border:1px solid #999;padding:1px 8px;border-radius:6px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:4px 10px;text-align:left}
code{background:#f6f8fa;font-size:12px}.cmd{color:#57606a}
</style></head><body>
${sections.join("\n")}
<p class="cmd">memgate ${h2(report.memgateVersion)} \xB7 ${h2(report.schema)}</p>
</body></html>
`;
}
var anchor = (cell) => `cell-${cell.replace(/[^a-z0-9._-]/gi, "_")}`;

// src/run/fleet-run.ts
import { mkdirSync as mkdirSync10, readFileSync as readFileSync12, writeFileSync as writeFileSync12 } from "node:fs";
import { join as join15, resolve as resolve5 } from "node:path";

// src/gate/fleet-gate.ts
import { mkdirSync as mkdirSync9, writeFileSync as writeFileSync11 } from "node:fs";
import { join as join14 } from "node:path";

// src/source/prometheus/client.ts
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
var StoreError = class extends Error {
  name = "StoreError";
};
var DEFAULT_MAX_RESPONSE = 256 * 1024 * 1024;
function displayUrl(base) {
  try {
    const url = new URL(base);
    url.username = "";
    url.password = "";
    return url.toString().replace(/\/$/, "");
  } catch {
    return "(an invalid URL)";
  }
}
var sleep12 = (ms, signal) => new Promise((resolve7) => {
  const timer = setTimeout(resolve7, ms);
  signal?.addEventListener(
    "abort",
    () => {
      clearTimeout(timer);
      resolve7();
    },
    { once: true }
  );
});
var TRANSIENT = /* @__PURE__ */ new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED", "EAI_AGAIN", "UND_ERR_SOCKET"]);
var PromClient = class {
  where;
  options;
  base;
  constructor(options2) {
    let base;
    try {
      base = new URL(options2.baseUrl);
    } catch {
      throw new UsageError(
        `--prometheus "${options2.baseUrl}" is not a URL; give the store's base URL, e.g. --prometheus http://prometheus:9090.`
      );
    }
    if (base.protocol !== "http:" && base.protocol !== "https:") {
      throw new UsageError(
        `--prometheus ${displayUrl(options2.baseUrl)}: only http:// and https:// URLs are supported.`
      );
    }
    if (base.username || base.password) {
      throw new UsageError(
        `--prometheus: put no user or password in the URL (it would show in logs); use --prometheus-user with the password in MEMGATE_PROMETHEUS_PASSWORD, or a bearer token in MEMGATE_PROMETHEUS_TOKEN.`
      );
    }
    if (options2.auth.caPem && base.protocol !== "https:") {
      throw new UsageError(`--prometheus-ca is for https:// stores; ${displayUrl(options2.baseUrl)} is plain http.`);
    }
    this.base = base;
    this.where = displayUrl(options2.baseUrl);
    this.options = { retries: 3, backoffMs: 250, maxResponseBytes: DEFAULT_MAX_RESPONSE, ...options2 };
  }
  /** POST /api/v1/query_range. Points come back as the store sent them (values are strings: "NaN", "+Inf" included). */
  async queryRange(query, startSec, endSec, stepSec) {
    const data = await this.call("query_range", {
      query,
      start: String(startSec),
      end: String(endSec),
      step: String(stepSec)
    });
    if (data.resultType !== "matrix" || !Array.isArray(data.result))
      throw new StoreError(
        `${this.where}: query_range answered a ${String(data.resultType)}, not a matrix, for ${query}`
      );
    return { series: data.result, warnings: data.warnings };
  }
  /** POST /api/v1/query at one instant. */
  async query(query, timeSec) {
    const data = await this.call("query", { query, time: String(timeSec) });
    if (data.resultType !== "vector" || !Array.isArray(data.result))
      throw new StoreError(`${this.where}: query answered a ${String(data.resultType)}, not a vector, for ${query}`);
    return { samples: data.result, warnings: data.warnings };
  }
  async call(endpoint, form) {
    const url = new URL(`${this.base.pathname.replace(/\/+$/, "")}/api/v1/${endpoint}`, this.base);
    url.search = this.base.search;
    const body = new URLSearchParams({
      ...form,
      timeout: `${Math.max(1, Math.floor(this.options.timeoutMs / 1e3))}s`
    }).toString();
    const shown = `${this.where}/api/v1/${endpoint}`;
    let attempt = 0;
    for (; ; ) {
      let answer;
      try {
        answer = await this.post(url, body);
      } catch (error) {
        const code2 = error.code ?? "";
        if (error instanceof StoreError || error instanceof UsageError) throw error;
        if (TRANSIENT.has(code2) && attempt < this.options.retries && !this.options.signal?.aborted) {
          await sleep12(this.backoff(attempt++), this.options.signal);
          continue;
        }
        if (this.options.signal?.aborted) throw new StoreError(`${shown}: interrupted`);
        throw new UsageError(
          `--prometheus ${this.where}: cannot reach the store (${code2 || error.message}); check the URL (and --prometheus-ca for a private certificate) and that the store is up.`
        );
      }
      if (answer.status >= 500 && attempt < this.options.retries && !this.options.signal?.aborted) {
        await sleep12(this.backoff(attempt++), this.options.signal);
        continue;
      }
      return this.decode(answer, shown, form.query);
    }
  }
  backoff(attempt) {
    const base = this.options.backoffMs * 2 ** attempt;
    return base / 2 + Math.random() * base;
  }
  decode(answer, shown, query) {
    let parsed = null;
    try {
      parsed = JSON.parse(answer.body);
    } catch {
      parsed = null;
    }
    const warnings = Array.isArray(parsed?.warnings) ? parsed.warnings.map((w) => String(w)) : [];
    if (parsed && parsed.status === "success" && parsed.data && answer.status < 300) {
      return { resultType: parsed.data.resultType, result: parsed.data.result, warnings };
    }
    const said = parsed && parsed.status === "error" ? `${String(parsed.errorType ?? "error")}: ${String(parsed.error ?? "")}` : `HTTP ${answer.status}${answer.body ? `: ${answer.body.slice(0, 200).replace(/\s+/g, " ")}` : ""}`;
    if (answer.status === 401 || answer.status === 403) {
      throw new UsageError(
        `--prometheus ${this.where}: the store refused the credentials (HTTP ${answer.status}); set the bearer token in MEMGATE_PROMETHEUS_TOKEN (or --prometheus-token-env NAME), or --prometheus-user with MEMGATE_PROMETHEUS_PASSWORD.`
      );
    }
    if (answer.status === 404 || answer.status === 405 || !parsed && answer.status < 500) {
      throw new UsageError(
        `--prometheus ${this.where}: ${shown} is not a Prometheus query API (${said}); give the base URL the store serves /api/v1/query_range under (VictoriaMetrics cluster: http://vmselect:8481/select/0/prometheus).`
      );
    }
    if (answer.status === 400 || answer.status === 422) {
      throw new UsageError(
        `the store rejected the query ${query} (${said}); check --metric, --baseline, --gray and --by.`
      );
    }
    throw new StoreError(`${shown} failed for ${query}: ${said}`);
  }
  post(url, body) {
    const { auth, timeoutMs, maxResponseBytes, signal } = this.options;
    const headers = {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(body)),
      accept: "application/json",
      "user-agent": "memgate"
    };
    if (auth.bearerToken) headers.authorization = `Bearer ${auth.bearerToken}`;
    else if (auth.basic)
      headers.authorization = `Basic ${Buffer.from(`${auth.basic.user}:${auth.basic.password}`).toString("base64")}`;
    const request = url.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise((resolve7, reject) => {
      let settled = false;
      const finish = (fn) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        fn();
      };
      const req = request(
        url,
        { method: "POST", headers, ...auth.caPem ? { ca: auth.caPem } : {} },
        (res) => {
          const chunks = [];
          let size = 0;
          res.on("data", (chunk) => {
            size += chunk.length;
            if (size > maxResponseBytes) {
              req.destroy();
              finish(
                () => reject(
                  new StoreError(
                    `${this.where}: the answer is larger than ${Math.round(maxResponseBytes / 1024 / 1024)} MiB; narrow the selection (add --by labels or matchers) or raise --step`
                  )
                )
              );
              return;
            }
            chunks.push(chunk);
          });
          res.on(
            "end",
            () => finish(() => resolve7({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }))
          );
          res.on("error", (error) => finish(() => reject(error)));
        }
      );
      const timer = setTimeout(() => {
        req.destroy();
        finish(
          () => reject(
            new StoreError(
              `${this.where}: no answer within ${timeoutMs / 1e3}s; raise --query-timeout, shorten --window or raise --step`
            )
          )
        );
      }, timeoutMs);
      const onAbort = () => {
        req.destroy();
        finish(() => reject(new StoreError(`${this.where}: interrupted`)));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("error", (error) => finish(() => reject(error)));
      req.end(body);
    });
  }
};

// src/source/prometheus/selector.ts
var NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
var LABEL2 = /^[a-zA-Z_][a-zA-Z0-9_]*/;
var OPS = ["=~", "!~", "!=", "="];
function parseMatchers(text, option) {
  let rest = text.trim();
  if (rest.startsWith("{") && rest.endsWith("}")) rest = rest.slice(1, -1).trim();
  const matchers = [];
  const example = `e.g. --${option} 'track="canary"' or 'track=~"canary|gray",zone!="test"'`;
  while (rest.length > 0) {
    const label = LABEL2.exec(rest)?.[0];
    if (!label)
      throw new UsageError(
        `--${option}: "${text}" is not a list of label matchers (a label name is expected at "${rest.slice(0, 20)}"); ${example}.`
      );
    rest = rest.slice(label.length).trimStart();
    const op = OPS.find((o2) => rest.startsWith(o2));
    if (!op) throw new UsageError(`--${option}: after ${label} an operator (=, !=, =~, !~) is expected; ${example}.`);
    rest = rest.slice(op.length).trimStart();
    const quote2 = rest[0];
    if (quote2 !== '"' && quote2 !== "'" && quote2 !== "`")
      throw new UsageError(`--${option}: the value of ${label} must be quoted ("..."); ${example}.`);
    let end = 1;
    while (end < rest.length && rest[end] !== quote2) end += rest[end] === "\\" && quote2 !== "`" ? 2 : 1;
    if (end >= rest.length)
      throw new UsageError(`--${option}: the value of ${label} has no closing ${quote2}; ${example}.`);
    matchers.push(`${label}${op}${rest.slice(0, end + 1)}`);
    rest = rest.slice(end + 1).trimStart();
    if (rest.startsWith(",")) rest = rest.slice(1).trimStart();
    else if (rest.length > 0)
      throw new UsageError(`--${option}: matchers are separated by commas (at "${rest.slice(0, 20)}"); ${example}.`);
  }
  return matchers;
}
function parseSelector(text, option) {
  const trimmed = text.trim();
  const name = NAME.exec(trimmed)?.[0] ?? null;
  const rest = trimmed.slice(name?.length ?? 0).trim();
  if (rest !== "" && !(rest.startsWith("{") && rest.endsWith("}"))) {
    throw new UsageError(
      `--${option}: "${text}" is not a series selector; give a metric name with optional matchers, e.g. --${option} 'process_resident_memory_bytes{job="shop"}' (memgate adds the side and cell matchers itself, so functions and operators are not accepted).`
    );
  }
  if (name === null && rest === "")
    throw new UsageError(
      `--${option} is empty; give the memory metric, e.g. --${option} 'process_resident_memory_bytes{job="shop"}'.`
    );
  const matchers = rest === "" ? [] : parseMatchers(rest, option);
  if (name === null && matchers.length === 0)
    throw new UsageError(`--${option}: "{}" selects nothing; give a metric name.`);
  return { name, matchers };
}
function quoteLabelValue(value4) {
  return `"${value4.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
function selectorText(selector, extra = []) {
  const matchers = [...selector.matchers, ...extra];
  return `${selector.name ?? ""}{${matchers.join(",")}}`;
}
var SIDE_LABEL = "memgate_side";
function cellRangeQuery(metric, sides, cell) {
  const tagged = (side) => `label_replace(${selectorText(metric, [...cell, ...sides[side]])}, "${SIDE_LABEL}", "${side}", "", "")`;
  return `${tagged("baseline")} or ${tagged("gray")}`;
}
function discoveryQuery(metric, side, by, windowSec) {
  return `count by (${by.join(",")}) (count_over_time(${selectorText(metric, side)}[${Math.max(1, Math.round(windowSec))}s]))`;
}

// src/source/prometheus/series.ts
var RESTART_DROP = 0.5;
var RESTART_SETTLE_SEC = 120;
var LOOKBACK_SEC = 300;
var MIN_COVERAGE = 0.5;
var MIN_INSTANCE_POINTS = 8;
var iso = (sec) => new Date(sec * 1e3).toISOString().replace(".000Z", "Z");
function differingLabels(a2, b) {
  const keys = /* @__PURE__ */ new Set([...Object.keys(a2), ...Object.keys(b)]);
  return [...keys].filter((k) => k !== "__name__" && a2[k] !== b[k]).sort();
}
function sideSeries(series, clock, options2) {
  const { instanceLabel, selector, cell, side } = options2;
  const dropIsRestart = options2.dropIsRestart ?? true;
  const byInstance = /* @__PURE__ */ new Map();
  for (const s of series) {
    const instance = s.metric[instanceLabel];
    if (instance === void 0) {
      const labels = Object.keys(s.metric).filter((k) => k !== "__name__").sort().join(", ");
      throw new UsageError(
        `cell ${cell}, ${side}: a series of ${selector} has no "${instanceLabel}" label (its labels: ${labels || "none"}); name the label that tells instances apart with --instance-label (e.g. --instance-label pod).`
      );
    }
    const list2 = byInstance.get(instance);
    if (list2) list2.push(s);
    else byInstance.set(instance, [s]);
  }
  const judged = [];
  const leftOut = [];
  for (const [instance, list2] of [...byInstance].sort((a2, b) => a2[0] < b[0] ? -1 : a2[0] > b[0] ? 1 : 0)) {
    const values = new Float64Array(clock.steps).fill(NaN);
    const owner = new Int32Array(clock.steps).fill(-1);
    let nonFinite = 0;
    const ordered = list2.map((s, index) => ({
      s,
      index,
      first: s.values[0]?.[0] ?? Infinity,
      last: s.values[s.values.length - 1]?.[0] ?? -Infinity
    })).sort((a2, b) => a2.first - b.first);
    for (let j = 1; j < ordered.length; j++) {
      const before = ordered[j - 1];
      const after = ordered[j];
      if (after.first <= before.last && (before.last - after.first > LOOKBACK_SEC || before.last >= after.last)) {
        const differ = differingLabels(before.s.metric, after.s.metric);
        throw new UsageError(
          `cell ${cell}, ${side}: ${selector} gives instance "${instance}" ${list2.length} series at once (from ${iso(after.first)} to ${iso(Math.min(before.last, after.last))}; they differ in ${differ.join(", ") || "nothing but their name"}), so it selects more series than the cell has instances; add a matcher to --metric that keeps one series per instance (e.g. ${differ[0] ?? "container"}="...") or name the instance label with --instance-label.`
        );
      }
    }
    for (const { s, index } of ordered) {
      const points2 = s.values;
      for (let p = 0; p < points2.length; p++) {
        const k = Math.round((points2[p][0] - clock.startSec) / clock.stepSec);
        if (k < 0 || k >= clock.steps) continue;
        owner[k] = index;
        const v = +points2[p][1];
        if (Number.isFinite(v)) values[k] = v;
        else {
          values[k] = NaN;
          nonFinite++;
        }
      }
    }
    const segments = [];
    const restarts = [];
    let current = null;
    let lastOwner = -1;
    let lastValue = NaN;
    for (let k = 0; k < clock.steps; k++) {
      const v = values[k];
      if (Number.isNaN(v)) continue;
      const restart = current !== null && (owner[k] !== lastOwner || dropIsRestart && v < RESTART_DROP * lastValue);
      if (restart) {
        restarts.push(clock.startSec + k * clock.stepSec);
        segments.push(current);
        current = null;
      }
      if (current === null) current = { from: k, to: k };
      current.to = k;
      lastOwner = owner[k];
      lastValue = v;
    }
    if (current) segments.push(current);
    const settle2 = Math.ceil(RESTART_SETTLE_SEC / clock.stepSec);
    for (const [n2, seg] of segments.entries()) if (n2 > 0) seg.from = Math.min(seg.to + 1, seg.from + settle2);
    const count2 = (seg) => {
      let n2 = 0;
      for (let k = seg.from; k <= seg.to; k++) if (!Number.isNaN(values[k])) n2++;
      return n2;
    };
    const longest = segments.reduce(
      (best, seg) => best === null || count2(seg) > count2(best) ? seg : best,
      null
    );
    const points = longest ? count2(longest) : 0;
    const spanSteps = longest ? longest.to - longest.from + 1 : 0;
    if (longest) {
      values.fill(NaN, 0, longest.from);
      values.fill(NaN, longest.to + 1);
    }
    const name = JSON.stringify(instance);
    if (points < MIN_INSTANCE_POINTS || spanSteps < MIN_COVERAGE * clock.steps) {
      const why = points === 0 ? "no finite reading in the window" : `judged stretch ${points} readings over ${Math.round(100 * spanSteps / clock.steps)}% of the window${restarts.length ? ` (after ${restarts.length} restart(s))` : ""}; at least ${MIN_INSTANCE_POINTS} readings over ${MIN_COVERAGE * 100}% are needed`;
      leftOut.push({ instance, why: `${side} instance ${name} left out: ${why}`, restarts });
      continue;
    }
    judged.push({ instance, values, restarts, points, nonFinite });
  }
  return { judged, leftOut };
}
function seriesWarnings(sides) {
  const warnings = [];
  for (const side of SIDES) {
    for (const i2 of [...sides[side].judged, ...sides[side].leftOut]) {
      for (const at of i2.restarts)
        warnings.push(
          `${side} instance ${JSON.stringify(i2.instance)} restarted at ${iso(at)}${"values" in i2 ? "; judged on its longest stretch without a restart" : ""}`
        );
    }
    for (const left of sides[side].leftOut) warnings.push(left.why);
    const nan = sides[side].judged.reduce((a2, i2) => a2 + i2.nonFinite, 0);
    if (nan > 0) warnings.push(`${side}: ${nan} reading(s) were NaN or infinite and are treated as missing`);
  }
  return warnings;
}
function cellBundle(sides, options2) {
  const { clock } = options2;
  const samples = [];
  const cols = { baseline: sides.baseline.judged.map((i2) => i2.values), gray: sides.gray.judged.map((i2) => i2.values) };
  const at = (columns, k) => {
    const readings2 = new Array(columns.length);
    let sum = 0;
    let n2 = 0;
    for (let i2 = 0; i2 < columns.length; i2++) {
      const v = columns[i2][k];
      if (Number.isNaN(v)) readings2[i2] = null;
      else {
        readings2[i2] = v;
        sum += v;
        n2++;
      }
    }
    return { readings: readings2, mean: n2 ? sum / n2 : null };
  };
  for (let k = 0; k < clock.steps; k++) {
    const baseline = at(cols.baseline, k);
    const gray2 = at(cols.gray, k);
    samples.push({
      t: Math.round(k * clock.stepSec * 1e3),
      baseline: baseline.mean,
      gray: gray2.mean,
      instances: { baseline: baseline.readings, gray: gray2.readings }
    });
  }
  const meta = (side) => ({
    command: options2.selectors[side],
    port: null,
    location: options2.selectors[side],
    instances: sides[side].judged.map((i2) => ({ command: options2.selectors[side], port: null, location: i2.instance }))
  });
  const final = (side) => ({
    peakBytes: null,
    oomKills: null,
    exit: null,
    instances: sides[side].judged.map(() => ({ peakBytes: null, oomKills: null, exit: null }))
  });
  const replicas = Math.min(sides.baseline.judged.length, sides.gray.judged.length);
  return {
    meta: {
      schema: options2.schema,
      memgateVersion: options2.memgateVersion,
      createdAt: options2.createdAt,
      driver: "prometheus",
      limitations: options2.limitations,
      warmupMs: 0,
      durationMs: Math.round((clock.steps - 1) * clock.stepSec * 1e3),
      intervalMs: Math.round(clock.stepSec * 1e3),
      memoryMaxBytes: null,
      load: null,
      replicas,
      memProfileRate: null,
      sides: { baseline: meta("baseline"), gray: meta("gray") },
      warnings: options2.warnings,
      endedEarly: null
    },
    samples,
    stats: [],
    final: { baseline: final("baseline"), gray: final("gray") }
  };
}

// src/source/prometheus/fleet-source.ts
var MAX_POINTS_PER_SERIES = 11e3;
var DEFAULT_STEP_SEC = 15;
function chooseStep(windowSec, askedSec) {
  const wanted = askedSec ?? DEFAULT_STEP_SEC;
  const least = Math.ceil(windowSec / (MAX_POINTS_PER_SERIES - 1));
  if (wanted >= least) return { stepSec: wanted, warning: null };
  return {
    stepSec: least,
    warning: askedSec === null ? null : `--step ${askedSec}s would need more than ${MAX_POINTS_PER_SERIES} points a series over the window; using ${least}s`
  };
}
function clockOf(endSec, windowSec, stepSec) {
  return { startSec: endSec - windowSec, stepSec, steps: Math.floor(windowSec / stepSec + 1e-9) + 1 };
}
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i2 = next++;
      results[i2] = await fn(items[i2], i2);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
async function discoverCells(client, q) {
  const found = /* @__PURE__ */ new Map();
  const warnings = [];
  for (const side of SIDES) {
    const query = discoveryQuery(q.metric, q.sides[side], q.cellLabels, q.windowSec);
    const answer = await client.query(query, q.endSec);
    warnings.push(...answer.warnings.map((w) => `store warning (${side} cells): ${w}`));
    let unlabelled = 0;
    for (const sample of answer.samples) {
      const labels = Object.fromEntries(q.cellLabels.map((l) => [l, sample.metric[l] ?? ""]));
      const count2 = Number(sample.value[1]);
      if (Object.values(labels).some((v) => v === "")) {
        unlabelled += count2;
        continue;
      }
      const key = JSON.stringify(q.cellLabels.map((l) => labels[l]));
      const cell = found.get(key) ?? { labels, series: { baseline: 0, gray: 0 } };
      cell.series[side] += count2;
      found.set(key, cell);
    }
    if (unlabelled > 0)
      warnings.push(
        `${unlabelled} ${side} series of ${selectorText(q.metric, q.sides[side])} lack one of the labels ${q.cellLabels.join(", ")} and belong to no cell; they are left out`
      );
  }
  return { cells: [...found.values()], warnings };
}
function split(series) {
  const out = { baseline: [], gray: [] };
  for (const s of series) {
    const side = s.metric[SIDE_LABEL];
    if (side === "baseline" || side === "gray") {
      const { [SIDE_LABEL]: _side, ...metric } = s.metric;
      out[side].push({ metric, values: s.values });
    }
  }
  return out;
}
function checkSidesApart(sides, instanceLabel, cell, q) {
  const baseline = new Set(sides.baseline.map((s) => s.metric[instanceLabel]));
  const both = sides.gray.map((s) => s.metric[instanceLabel]).find((i2) => i2 !== void 0 && baseline.has(i2));
  if (both !== void 0) {
    throw new UsageError(
      `cell ${cell}: instance ${JSON.stringify(both)} matches both --baseline (${q.sides.baseline.join(",")}) and --gray (${q.sides.gray.join(",")}); make the two sets of matchers exclusive.`
    );
  }
}
async function fetchCell(client, q, cell, cellId) {
  const selectors = {
    baseline: selectorText(q.metric, [...cell, ...q.sides.baseline]),
    gray: selectorText(q.metric, [...cell, ...q.sides.gray])
  };
  const { clock } = q;
  const endSec = clock.startSec + (clock.steps - 1) * clock.stepSec;
  const answer = await client.queryRange(
    cellRangeQuery(q.metric, q.sides, cell),
    clock.startSec,
    endSec,
    clock.stepSec
  );
  const warnings = answer.warnings.map((w) => `store warning: ${w}`);
  const bySide = split(answer.series);
  checkSidesApart(bySide, q.instanceLabel, cellId, q);
  const sides = {
    baseline: sideSeries(bySide.baseline, clock, {
      instanceLabel: q.instanceLabel,
      selector: selectors.baseline,
      cell: cellId,
      side: "baseline"
    }),
    gray: sideSeries(bySide.gray, clock, {
      instanceLabel: q.instanceLabel,
      selector: selectors.gray,
      cell: cellId,
      side: "gray"
    })
  };
  let heap = null;
  if (q.heapMetric) {
    const heapAnswer = await client.queryRange(
      cellRangeQuery(q.heapMetric, q.sides, cell),
      clock.startSec,
      endSec,
      clock.stepSec
    );
    warnings.push(...heapAnswer.warnings.map((w) => `store warning (heap metric): ${w}`));
    const heapSides = split(heapAnswer.series);
    heap = {
      baseline: sideSeries(heapSides.baseline, clock, {
        instanceLabel: q.instanceLabel,
        selector: selectorText(q.heapMetric, [...cell, ...q.sides.baseline]),
        cell: cellId,
        side: "baseline",
        dropIsRestart: false
      }),
      gray: sideSeries(heapSides.gray, clock, {
        instanceLabel: q.instanceLabel,
        selector: selectorText(q.heapMetric, [...cell, ...q.sides.gray]),
        cell: cellId,
        side: "gray",
        dropIsRestart: false
      })
    };
  }
  return { sides, heap, warnings: [...warnings, ...seriesWarnings(sides)], selectors };
}
function storeLimitations(q) {
  return [
    `memory read from a Prometheus-compatible store (${selectorText(q.metric)}) at ${q.clock.stepSec}s steps: what the series shows and nothing else; no OOM kill counter, no exit statuses, no memory.stat split, no heap profiles`
  ];
}
function cellDataBundle(data, q, warnings) {
  return cellBundle(data.sides, {
    clock: q.clock,
    selectors: data.selectors,
    limitations: storeLimitations(q),
    warnings: [...warnings],
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    schema: BUNDLE_SCHEMA,
    memgateVersion: VERSION
  });
}

// src/source/prometheus/pprof.ts
var INSTANCE_PLACEHOLDER = "{instance}";
var SAFE_INSTANCE = /^[A-Za-z0-9._-]+(:\d{1,5})?$|^\[[0-9a-fA-F:.]+\](:\d{1,5})?$/;
function instancePprofUrl(template, instance) {
  if (!SAFE_INSTANCE.test(instance))
    return { error: `instance ${JSON.stringify(instance)} is not a host[:port], so it is not put into --pprof's URL` };
  return { url: template.split(INSTANCE_PLACEHOLDER).join(instance) };
}
var sleep13 = (ms, signal) => new Promise((resolve7) => {
  const timer = setTimeout(resolve7, ms);
  signal?.addEventListener(
    "abort",
    () => {
      clearTimeout(timer);
      resolve7();
    },
    { once: true }
  );
});
async function snapshotProfiles(urls, options2) {
  const entries = [];
  const data = {};
  const started = Date.now();
  for (let seq = 0; seq < options2.snapshots; seq++) {
    if (seq > 0) await sleep13(options2.intervalMs, options2.signal);
    if (options2.signal?.aborted) break;
    const t = Date.now() - started;
    const fetches = [];
    for (const side of SIDES) {
      const base = urls[side];
      if (base === null) continue;
      for (const kind of ["heap", "goroutine"]) {
        fetches.push(
          fetchProfile(profileUrl(base, kind), options2.timeoutMs, options2.signal).then((result) => {
            const file = `pprof/${side}-${kind}-${String(seq).padStart(3, "0")}.${kind === "heap" ? "pb.gz" : "txt"}`;
            if (result.ok) data[file] = result.data;
            entries.push({
              side,
              instance: 0,
              kind,
              seq,
              t,
              file: result.ok ? file : null,
              bytes: result.ok ? result.data.length : null,
              error: result.ok ? null : result.error,
              fetchMs: result.ms
            });
          })
        );
      }
    }
    await Promise.all(fetches);
  }
  entries.sort((a2, b) => a2.seq - b.seq || a2.side.localeCompare(b.side) || a2.kind.localeCompare(b.kind));
  return {
    schema: PROFILE_INDEX_SCHEMA,
    urls: { baseline: urls.baseline, gray: urls.gray },
    intervalMs: options2.intervalMs,
    entries,
    notes: [],
    data
  };
}

// src/gate/fleet-gate.ts
var emptyInstances = () => ({ baseline: [], gray: [] });
function undecided(target, reason, settings, warnings = [], extra = {}) {
  return {
    cell: target.id,
    labels: target.labels,
    verdict: "inconclusive",
    grade: null,
    exitCode: exitCodeOf("inconclusive", settings.onInconclusive),
    reasons: [reason],
    instances: emptyInstances(),
    leftOut: { baseline: [], gray: [] },
    restarts: 0,
    p95Increase: null,
    slopeDifference: null,
    heap: null,
    warnings,
    profiles: null,
    fuse: null,
    report: null,
    ...extra
  };
}
function floorSlope2(values, clock) {
  const t = [];
  const v = [];
  for (let k = 0; k < values.length; k++)
    if (!Number.isNaN(values[k])) {
      t.push(k * clock.stepSec);
      v.push(values[k]);
    }
  if (t.length < 2) return null;
  const floor = floorIndices(t, v, floorBinSeconds(t[t.length - 1] - t[0]));
  return olsSlope(
    floor.map((i2) => t[i2]),
    floor.map((i2) => v[i2])
  )?.value ?? null;
}
function heapEvidence(heap, clock, metric, confidence) {
  const perInstance = { baseline: /* @__PURE__ */ new Map(), gray: /* @__PURE__ */ new Map() };
  for (const side of SIDES)
    for (const i2 of heap[side].judged) perInstance[side].set(i2.instance, floorSlope2(i2.values, clock));
  const present2 = (side) => [...perInstance[side].values()].filter((v) => v !== null);
  const mean3 = (xs) => xs.length ? xs.reduce((a2, b) => a2 + b, 0) / xs.length : null;
  const pooled = pooledDifference(present2("gray"), present2("baseline"));
  const interval = pooled ? intervalOf(pooled, confidence) : null;
  return {
    evidence: {
      metric,
      baselineBytesPerSec: mean3(present2("baseline")),
      grayBytesPerSec: mean3(present2("gray")),
      difference: interval ? { bytesPerSec: interval.value, low: interval.low, high: interval.high } : null
    },
    perInstance
  };
}
function judgeCellData(target, data, q, settings, extraWarnings = []) {
  const warnings = [...extraWarnings, ...data.warnings];
  const counts = { baseline: data.sides.baseline.judged.length, gray: data.sides.gray.judged.length };
  const leftOut = {
    baseline: data.sides.baseline.leftOut.map((l) => l.instance),
    gray: data.sides.gray.leftOut.map((l) => l.instance)
  };
  const restarts = SIDES.reduce(
    (a2, side) => a2 + [...data.sides[side].judged, ...data.sides[side].leftOut].reduce((b, i2) => b + i2.restarts.length, 0),
    0
  );
  const missing = SIDES.filter((side) => counts[side] === 0);
  if (missing.length > 0) {
    const has2 = SIDES.filter((side) => counts[side] > 0);
    const message = has2.length ? `only ${has2[0]} has instances to judge in this cell (${counts[has2[0]]}); ${missing[0]} has none over the window (${data.selectors[missing[0]]}${leftOut[missing[0]].length ? `; ${leftOut[missing[0]].length} seen but too briefly` : ""}), so there is nothing to compare against` : `no instance of either side has enough readings in this cell over the window`;
    const seen = (side) => data.sides[side].judged.map((i2) => ({
      instance: i2.instance,
      samples: i2.points,
      p95Bytes: null,
      lastFloorBytes: null,
      slopeBytesPerSec: null,
      restarts: i2.restarts.length,
      heapSlopeBytesPerSec: null
    }));
    return undecided(
      target,
      {
        rule: "fleet-one-side",
        outcome: "inconclusive",
        message,
        measured: Math.min(counts.baseline, counts.gray),
        limit: settings.minInstances
      },
      settings,
      warnings,
      { leftOut, restarts, instances: { baseline: seen("baseline"), gray: seen("gray") } }
    );
  }
  const bundle = cellDataBundle(data, q, warnings);
  const report = buildReport(judge(analyze(bundle, 0), settings.limits), settings);
  const reasons = [...report.reasons];
  let verdict = report.verdict;
  const fewest = Math.min(counts.baseline, counts.gray);
  if (fewest < settings.minInstances) {
    reasons.unshift({
      rule: "fleet-instances",
      outcome: "inconclusive",
      message: `too few instances to judge this cell (baseline ${counts.baseline}, gray ${counts.gray}; at least --min-instances ${settings.minInstances} a side); the judge's figures are shown, not acted on`,
      measured: fewest,
      limit: settings.minInstances
    });
    verdict = "inconclusive";
  }
  let heap = null;
  let heapSlopes = null;
  if (data.heap && settings.heapMetric) {
    const made = heapEvidence(data.heap, q.clock, settings.heapMetric, report.confidence);
    heap = made.evidence;
    heapSlopes = made.perInstance;
    if (heap.difference && verdict === "fail" && heap.difference.high < 0) {
      warnings.push(
        `the heap metric does not corroborate: gray's heap floor grows no faster than baseline's (difference ${formatRate(heap.difference.bytesPerSec)})`
      );
    }
  }
  const instances = (side) => data.sides[side].judged.map((series, i2) => {
    const figures2 = report[side].instances[i2];
    return {
      instance: series.instance,
      samples: figures2?.samples ?? 0,
      p95Bytes: figures2?.p95Bytes ?? null,
      lastFloorBytes: figures2?.lastFloorBytes ?? null,
      slopeBytesPerSec: figures2?.slopeBytesPerSec ?? null,
      restarts: series.restarts.length,
      heapSlopeBytesPerSec: heapSlopes?.[side].get(series.instance) ?? null
    };
  });
  return {
    cell: target.id,
    labels: target.labels,
    verdict,
    grade: verdict === "inconclusive" ? null : report.grade,
    exitCode: verdict === report.verdict ? report.exitCode : exitCodeOf(verdict, settings.onInconclusive),
    reasons,
    instances: { baseline: instances("baseline"), gray: instances("gray") },
    leftOut,
    restarts,
    p95Increase: report.p95Increase,
    slopeDifference: report.slopeDifference ? {
      bytesPerSec: report.slopeDifference.bytesPerSec,
      low: report.slopeDifference.low,
      high: report.slopeDifference.high
    } : null,
    heap,
    warnings,
    profiles: null,
    fuse: null,
    report
  };
}
async function judgeCell(client, q, target, settings) {
  let data;
  try {
    data = await fetchCell(client, q, target.matchers, target.id);
  } catch (error) {
    if (error instanceof UsageError || !(error instanceof StoreError)) throw error;
    return undecided(
      target,
      {
        rule: "fleet-store",
        outcome: "inconclusive",
        message: `the store could not answer for this cell: ${errorMessage(error)}`,
        measured: null,
        limit: null
      },
      settings
    );
  }
  return judgeCellData(target, data, q, settings);
}
function writeCellReport(outDir, cell) {
  if (!cell.report) return null;
  const dir = cellDir(outDir, cell.cell);
  mkdirSync9(dir, { recursive: true });
  writeFileSync11(join14(dir, ReportFile), JSON.stringify(cell.report, null, 2) + "\n");
  writeFileSync11(join14(dir, HtmlReportFile), renderHtml(cell.report));
  return dir;
}
function cellDir(outDir, cell) {
  return join14(outDir, "cells", cell.replace(/[^a-z0-9._=,-]/gi, "_"));
}
function openFleet(plan2, signal) {
  const metric = parseSelector(plan2.metric, Option.Metric);
  const heapMetric = plan2.heapMetric === null ? null : parseSelector(plan2.heapMetric, Option.HeapMetric);
  const sides = {
    baseline: parseMatchers(plan2.baseline, Option.Baseline),
    gray: parseMatchers(plan2.gray, Option.Gray)
  };
  if (sides.baseline.length === 0 || sides.gray.length === 0)
    throw new UsageError(
      `--${Option.Baseline} and --${Option.Gray} each need at least one label matcher, e.g. 'track="stable"' and 'track="canary"'.`
    );
  const windowSec = plan2.windowMs / 1e3;
  const step = chooseStep(windowSec, plan2.stepMs === null ? null : plan2.stepMs / 1e3);
  const client = new PromClient({
    baseUrl: plan2.prometheusUrl,
    auth: plan2.auth,
    timeoutMs: plan2.queryTimeoutMs,
    signal
  });
  const query = {
    metric,
    sides,
    cellLabels: plan2.by.map((b) => b.label),
    instanceLabel: plan2.instanceLabel,
    heapMetric,
    clock: clockOf(plan2.endSec, windowSec, step.stepSec),
    windowSec,
    endSec: plan2.endSec
  };
  return {
    client,
    query,
    text: {
      metric: selectorText(metric),
      heapMetric: heapMetric ? selectorText(heapMetric) : null,
      baseline: sides.baseline.join(","),
      gray: sides.gray.join(",")
    },
    warnings: step.warning ? [step.warning] : []
  };
}
async function discoverFleetCells(session) {
  return discoverCells(session.client, session.query);
}
async function judgeCells(session, targets2, settings, concurrency) {
  return mapLimit(targets2, concurrency, (target) => judgeCell(session.client, session.query, target, settings));
}
function targetOf(id, labels) {
  const matchers = Object.entries(labels).map(
    ([label, value4]) => `${label}=~${quoteLabelValue(`(?i)${value4.replace(/\./g, "\\.")}`)}`
  );
  return { id, labels, matchers };
}
async function profileCell(cell, template, intervalMs, signal) {
  const gray2 = [...cell.instances.gray].sort(
    (a2, b) => (b.slopeBytesPerSec ?? -Infinity) - (a2.slopeBytesPerSec ?? -Infinity)
  )[0];
  const baselines = [...cell.instances.baseline].sort((a2, b) => (a2.slopeBytesPerSec ?? 0) - (b.slopeBytesPerSec ?? 0));
  const baseline = baselines[Math.floor(baselines.length / 2)];
  const urls = { baseline: null, gray: null };
  for (const [side, chosen] of [
    ["baseline", baseline],
    ["gray", gray2]
  ]) {
    if (!chosen) continue;
    const made = instancePprofUrl(template, chosen.instance);
    if ("error" in made) cell.warnings.push(`--pprof: ${made.error}`);
    else urls[side] = made.url;
  }
  if (urls.gray === null) return;
  const set = await snapshotProfiles(urls, { snapshots: 3, intervalMs, timeoutMs: 1e4, signal });
  const evidence = analyzeEvidence(set, 0);
  cell.warnings.push(...(evidence?.warnings ?? []).map((w) => `live profiles: ${w}`));
  cell.profiles = {
    baseline: urls.baseline ? baseline.instance : null,
    gray: gray2.instance,
    suspects: evidence?.suspects ?? [],
    patterns: evidence?.patterns ?? []
  };
}

// src/run/fleet-run.ts
function checkDimensions(plan2) {
  return plan2.by.map((b) => {
    if (!isDimension(b.dimension))
      throw new UsageError(
        `--${Option.By}: "${b.dimension}" is not a fuse dimension; use ${DIMENSIONS.join(", ")}, mapping a label of another name as DIMENSION=LABEL (e.g. region=topology_region).`
      );
    return b.dimension;
  });
}
function waveTargets(plan2, cwd) {
  const { file, stage } = plan2.stages;
  let text;
  try {
    text = readFileSync12(resolve5(cwd, file), "utf8");
  } catch (error) {
    throw new UsageError(
      `--${Option.Stages} ${file}: cannot read it (${error.code ?? errorMessage(error)}); give the path of the stages YAML file.`
    );
  }
  const stages = parseStages(text, file);
  const wave = stages.waves[stage - 1];
  if (!wave)
    throw new UsageError(
      `--${Option.Stage} ${stage}: ${file} has ${stages.waves.length} wave(s); give 1 to ${stages.waves.length}.`
    );
  const dims = new Set(plan2.by.map((b) => b.dimension));
  const targets2 = wave.cells.map((cell) => {
    const named = Object.keys(cell.dims);
    if (named.length !== dims.size || named.some((d) => !dims.has(d))) {
      throw new UsageError(
        `${file}: wave ${stage} (${wave.name}) has cell ${cell.id}, whose dimensions (${named.join(", ")}) are not those of --${Option.By} (${[...dims].join(", ")}); give --${Option.By} the stages file's dimensions.`
      );
    }
    const labels = Object.fromEntries(plan2.by.map((b) => [b.label, cell.dims[b.dimension]]));
    return targetOf(cell.id, labels);
  });
  return { targets: targets2, stage: { file, index: stage, name: wave.name } };
}
async function discoveredTargets(plan2, session, warnings) {
  const found = await discoverFleetCells(session);
  warnings.push(...found.warnings);
  const byId = /* @__PURE__ */ new Map();
  for (const cell of found.cells) {
    const dims = {};
    try {
      for (const b of plan2.by)
        dims[b.dimension] = checkValue(
          b.dimension,
          cell.labels[b.label],
          `the store's ${b.label} label`
        ).value;
    } catch (error) {
      warnings.push(
        `${errorMessage(error).replace(/\.$/, "")}: its series are left out (a cell value may hold letters, digits, ".", "_", "-")`
      );
      continue;
    }
    const id = cellFromDims(dims).id;
    if (!byId.has(id))
      byId.set(id, targetOf(id, Object.fromEntries(plan2.by.map((b) => [b.label, dims[b.dimension]]))));
  }
  return [...byId.values()].sort((a2, b) => a2.id < b.id ? -1 : 1);
}
function fusedCell(target, message) {
  return {
    cell: target.id,
    labels: target.labels,
    verdict: "fused",
    grade: null,
    exitCode: 1,
    reasons: [{ rule: "fused", outcome: "block", message, measured: null, limit: null }],
    instances: { baseline: [], gray: [] },
    leftOut: { baseline: [], gray: [] },
    restarts: 0,
    p95Increase: null,
    slopeDifference: null,
    heap: null,
    warnings: [],
    profiles: null,
    fuse: { fused: true, reason: message, tripped: [] },
    report: null
  };
}
async function fleetRun({ plan: plan2, raw, fenv, logger, signal, surface }) {
  if (raw[Option.Cell]?.trim())
    throw new UsageError(
      `--${Option.Cell} is for memgate run; memgate fleet makes its cells from --${Option.By} (and --${Option.Stages}/--${Option.Stage}).`
    );
  checkDimensions(plan2);
  const session = openFleet(plan2, signal);
  const warnings = [...session.warnings];
  const wave = plan2.stages ? waveTargets(plan2, fenv.cwd) : null;
  const fuseOn = ["on", "true", "yes", "1"].includes((raw[Option.Fuse] ?? "").trim().toLowerCase());
  const openFuse = (id) => openRunFuse({ ...raw, [Option.Fuse]: "on", [Option.Cell]: id }, fenv);
  if (fuseOn) openFuse("region=memgate-check");
  let queries = 0;
  let targets2;
  if (wave) targets2 = wave.targets;
  else {
    try {
      targets2 = await discoveredTargets(plan2, session, warnings);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new FleetUndecidedError(
        `fleet: the store could not list the cells: ${errorMessage(error)}; nothing was judged; try again.`
      );
    }
    queries += 2;
  }
  logger.info(
    `fleet: ${targets2.length} cell(s) to judge from ${session.client.where}${wave ? ` (wave ${wave.stage.index}, ${wave.stage.name})` : ""}`
  );
  const cells = [];
  const fuses = /* @__PURE__ */ new Map();
  const toJudge = [];
  for (const target of targets2) {
    if (!fuseOn) {
      toJudge.push(target);
      continue;
    }
    const fuse = openFuse(target.id);
    try {
      const check2 = await fuse.begin();
      if (check2.fused) {
        cells.push(fusedCell(target, check2.message));
        continue;
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new FleetUndecidedError(
        `fuse: could not read the fuse from ${fuse.store.where} before judging cell ${target.id}: ${errorMessage(error)}; the cells are not cleared; try again.`
      );
    }
    fuses.set(target.id, fuse);
    toJudge.push(target);
  }
  const settings = {
    limits: plan2.limits,
    warmupMs: 0,
    onInconclusive: plan2.onInconclusive,
    surface,
    minInstances: plan2.minInstances,
    heapMetric: session.text.heapMetric
  };
  const judged = await judgeCells(session, toJudge, settings, plan2.queryConcurrency);
  queries += toJudge.length * (session.query.heapMetric ? 2 : 1);
  if (plan2.pprof !== null) {
    const explain = judged.filter((c3) => (c3.verdict === "fail" || c3.verdict === "warn") && c3.instances.gray.length > 0);
    if (explain.length)
      logger.info(
        `fleet: live profiles of ${explain.length} cell(s) (3 snapshots, ${plan2.profileIntervalMs / 1e3}s apart)`
      );
    await mapLimit(
      explain,
      plan2.queryConcurrency,
      (cell) => profileCell(cell, plan2.pprof, plan2.profileIntervalMs, signal)
    );
  }
  for (const cell of judged) {
    writeCellReport(plan2.outDir, cell);
    const fuse = fuses.get(cell.cell);
    if (fuse) {
      try {
        const outcome = await fuse.afterGate(
          { verdict: cell.verdict === "fused" ? "fail" : cell.verdict, grade: cell.grade, reasons: cell.reasons },
          cellDir(plan2.outDir, cell.cell)
        );
        cell.fuse = { fused: outcome.fused, reason: outcome.reason, tripped: outcome.tripped.map((t) => t.target) };
      } catch (error) {
        const message = `fuse: could not record cell ${cell.cell}'s result (${cell.verdict}) in ${fuse.store.where}: ${errorMessage(error)}`;
        cell.warnings.push(message);
        logger.warn(message);
        if (cell.verdict === "pass" || cell.verdict === "warn") {
          cell.reasons.unshift({
            rule: "fuse-unrecorded",
            outcome: "inconclusive",
            message,
            measured: null,
            limit: null
          });
          cell.verdict = "inconclusive";
          cell.exitCode = exitCodeOf("inconclusive", "fail");
        }
      }
    }
    cells.push(cell);
  }
  const report = buildFleetReport(
    cells,
    {
      store: session.client.where,
      metric: session.text.metric,
      heapMetric: session.text.heapMetric,
      baseline: session.text.baseline,
      gray: session.text.gray,
      by: plan2.by.map((b) => b.dimension === b.label ? b.dimension : `${b.dimension}=${b.label}`),
      instanceLabel: plan2.instanceLabel,
      windowMs: plan2.windowMs,
      end: plan2.endText,
      stepMs: session.query.clock.stepSec * 1e3,
      minInstances: plan2.minInstances,
      onInconclusive: plan2.onInconclusive,
      limits: plan2.limits,
      stage: wave?.stage ?? null,
      fuse: fuseOn
    },
    {
      warnings: targets2.length === 0 ? [
        ...warnings,
        `no series of ${session.text.metric} with ${session.text.baseline} or ${session.text.gray} over the window ending ${plan2.endText}: check --metric, the matchers, --end and --window`
      ] : warnings,
      queries
    }
  );
  mkdirSync10(plan2.outDir, { recursive: true });
  const reportPath = join15(plan2.outDir, ReportFile);
  const htmlPath = join15(plan2.outDir, HtmlReportFile);
  try {
    writeFileSync12(reportPath, JSON.stringify(report, null, 2) + "\n");
    writeFileSync12(htmlPath, renderFleetHtml(report));
  } catch (error) {
    throw new UsageError(
      `--${Option.Out} ${plan2.outDir}: cannot write the report there (${error.code ?? errorMessage(error)}); give a directory you can write to.`
    );
  }
  return { report, reportPath, htmlPath };
}
var FleetUndecidedError = class extends Error {
  name = "FleetUndecidedError";
};

// src/cli/fleet-command.ts
var FLEET_USAGE = `Usage: memgate fleet --prometheus URL --metric SELECTOR --baseline MATCHERS --gray MATCHERS
                     --by DIM[=LABEL][,...] [options]

Judges live canaries where they run: reads each cell's instances from a Prometheus-compatible store
(Prometheus, VictoriaMetrics, Thanos, Mimir), judges gray against baseline per cell with the judge of
memgate run (each instance a replica), prints a table of cells and writes OUT/report.json
(memgate/fleet-report@1), OUT/report.html and OUT/cells/CELL/report.json.

  --prometheus URL           the store's API base, e.g. http://prometheus:9090 (required)
  --metric SELECTOR          memory series, one per instance: 'process_resident_memory_bytes{job="shop"}'
  --baseline MATCHERS        label matchers of baseline's instances: 'track="stable"'
  --gray MATCHERS            label matchers of gray's instances: 'track="canary"'
  --by DIMS                  labels that make a cell (fuse dimensions region, isp, os, arch); a label of
                             another name maps as region=topology_region (required)
  --instance-label NAME      the label that tells instances apart (${Defaults.instanceLabel})
  --window DUR               the window judged, ending at --end (${Defaults.window})
  --end TIME                 RFC 3339 or unix seconds (now)
  --step DUR                 query resolution (15s, raised to keep under 11,000 points a series)
  --min-instances N          fewer instances a side make a cell inconclusive (${Defaults.minInstances})
  --heap-metric SELECTOR     Go heap in use (go_memstats_heap_inuse_bytes), reported per cell as evidence
  --pprof URL|off            e.g. 'http://{instance}/debug/pprof': live heap profiles and goroutine dumps of
                             a blocked or warned cell's steepest gray and a baseline instance, 3 snapshots
                             --profile-interval apart (${Defaults.profileInterval}): suspects and leak patterns (off)
  --stages FILE --stage N    judge only wave N's cells (the stages file of memgate plan)
  --fuse on, --fuse-*        record each cell in the fuse; a blocked cell trips it as memgate run --cell does
  --prometheus-token-env VAR environment variable holding a bearer token (${Defaults.prometheusTokenEnv})
  --prometheus-user USER     basic auth; the password is read from MEMGATE_PROMETHEUS_PASSWORD
  --prometheus-ca FILE       PEM CA of a store with a private certificate
  --query-timeout DUR        per query (${Defaults.queryTimeout}); 5xx answers are retried with backoff
  --query-concurrency N      queries in flight (${Defaults.queryConcurrency})
  --max-p95-increase, --min-p95-delta, --max-slope-increase, --min-slope, --on-inconclusive, --out
                             as for memgate run
  --json                     print report.json's content to stdout (the table goes to stderr)

Exit status: 0 every cell passed (or warned), 1 a cell blocked (or was fused), 2 bad input (a store that
cannot be reached included), 3 a cell inconclusive (unless --on-inconclusive pass).`;
var JUDGE_OPTIONS = [
  Option.Pprof,
  Option.ProfileInterval,
  Option.MaxP95Increase,
  Option.MinP95Delta,
  Option.MaxSlopeIncrease,
  Option.MinSlope,
  Option.OnInconclusive,
  Option.Out,
  Option.Baseline,
  Option.Gray
];
var FUSE_OPTIONS = [Option.Fuse, Option.FuseScope, Option.FuseDimensionThreshold, Option.FuseStore, Option.FuseDir];
var FLEET_OPTIONS = [...FLEET_ONLY_OPTIONS, ...JUDGE_OPTIONS, ...FUSE_OPTIONS];
var fleetCommand = {
  name: "fleet",
  summary: "judge live canaries per cell from a Prometheus-compatible store",
  usage: FLEET_USAGE,
  async run(args, io) {
    const { flags } = parseFlags("memgate fleet", args, { strings: FLEET_OPTIONS, booleans: [JSON_FLAG] });
    const json = flags[JSON_FLAG] === true;
    const say = humanOut(io, json);
    const raw = Object.fromEntries(
      Object.entries(flags).filter((e) => typeof e[1] === "string")
    );
    const plan2 = buildFleetPlan(raw, { cwd: io.cwd, env: io.env, nowSec: Date.now() / 1e3 });
    try {
      const outcome = await fleetRun({
        plan: plan2,
        raw,
        fenv: { env: io.env, cwd: io.cwd },
        logger: io.logger,
        signal: io.signal
      });
      say(renderFleetConsole(outcome.report) + "\n");
      say(`report: ${outcome.reportPath}
`);
      if (json) io.stdout(JSON.stringify(outcome.report, null, 2) + "\n");
      return outcome.report.exitCode;
    } catch (error) {
      if (error instanceof FleetUndecidedError) {
        printError(io, error.message);
        return ExitCode.Inconclusive;
      }
      throw error;
    }
  }
};

// src/cli/cli.ts
var EXIT_STATUS_HELP = "Exit status: 0 pass or warn, 1 blocked, 2 bad input or usage, 3 inconclusive.";
var OPTION_HELP = {
  [Option.Baseline]: `--baseline CMD             command that starts the baseline build (required)`,
  [Option.Gray]: `--gray CMD                 command that starts the gray build (required)`,
  [Option.Warmup]: `--warmup DUR               time excluded before the window (${Defaults.warmup})`,
  [Option.Duration]: `--duration DUR             observation window (${Defaults.duration})`,
  [Option.Interval]: `--interval DUR             memory sampling interval (${Defaults.interval})`,
  [Option.MaxP95Increase]: `--max-p95-increase PCT     allowed rise of gray's P95 over baseline's (${Defaults.maxP95Increase})`,
  [Option.MinP95Delta]: `--min-p95-delta SIZE       P95 rises below this many bytes never block (${Defaults.minP95Delta})`,
  [Option.MaxSlopeIncrease]: `--max-slope-increase PCT   allowed rise of gray's floor slope over baseline's (${Defaults.maxSlopeIncrease})`,
  [Option.MinSlope]: `--min-slope RATE           slope differences below this never block (${Defaults.minSlope})`,
  [Option.Replicas]: `--replicas N               processes per side, each in its own cgroup; the judge compares them
                             across sides, so drift between processes is measured (${Defaults.replicas})`,
  [Option.MemprofileRate]: `--memprofile-rate SIZE     Go heap sampling rate both sides get (GODEBUG=memprofilerate), 0 leaves
                             the services' own (${Defaults.memprofileRate})`,
  [Option.MemoryMax]: `--memory-max SIZE          memory limit of each side's cgroup, so OOM kills show (none)`,
  [Option.Load]: `--load CMD                 load command started against each side during the run (none)`,
  [Option.Pprof]: `--pprof URL|off            pprof base URL of both sides, {port} allowed, or off (${Defaults.pprof})`,
  [Option.BaselinePprof]: `--baseline-pprof URL|off   the same for baseline only (as --pprof)`,
  [Option.GrayPprof]: `--gray-pprof URL|off       the same for gray only (as --pprof)`,
  [Option.ProfileInterval]: `--profile-interval DUR     heap profile (?gc=1) and goroutine dump of each side this often, and at
                             both ends of the window; kept in the bundle (${Defaults.profileInterval})`,
  [Option.Ebpf]: `--ebpf auto|on|off         eBPF allocation tracing of both builds (needs root or sudo -n, bpftrace
                             0.17+, unstripped Go binaries); auto goes on without it, on exits 2 (${Defaults.ebpf})`,
  [Option.EbpfMode]: `--ebpf-mode MODE           sampled: probe where Go samples its heap profile, cheap; every: probe
                             every runtime.mallocgc call, slows allocation-heavy code many times (${Defaults.ebpfMode})`,
  [Option.EbpfSampleRate]: `--ebpf-sample-rate N       every mode: record 1 call in N, in the kernel (${Defaults.ebpfSampleRate})`,
  [Option.StackDepth]: `--stack-depth N            frames kept per allocation path, allocator frames not counted (${Defaults.stackDepth})`,
  [Option.CgroupDriver]: `--cgroup-driver NAME       auto | v2 | systemd | v1 | none (${Defaults.cgroupDriver})`,
  [Option.ReadyTimeout]: `--ready-timeout DUR        how long a workload may take to open its port (${Defaults.readyTimeout})`,
  [Option.StopTimeout]: `--stop-timeout DUR         at the end, each workload gets SIGTERM and this long to exit before
                             SIGKILL; its shutdown output goes to bundle/workloads.log (${Defaults.stopTimeout})`,
  [Option.PassEnv]: `--pass-env NAME            pass this variable to the workloads although the scrub drops it
                             (tokens, INPUT_*, ACTIONS_*); repeat it or separate names by commas`,
  [Option.Out]: `--out DIR                  where report.json and the bundle go (${Defaults.out})`,
  [Option.OnInconclusive]: `--on-inconclusive WHAT     fail (exit 3) | pass (exit 0) (${Defaults.onInconclusive})`
};
var FUSE_OPTIONS2 = [
  Option.Cell,
  Option.Fuse,
  Option.FuseDimensionThreshold,
  Option.FuseScope,
  Option.FuseStore,
  Option.FuseDir
];
var RUN_OPTIONS = [...Object.keys(OPTION_HELP), ...FUSE_OPTIONS2];
var JUDGE_OPTIONS2 = [
  Option.Warmup,
  Option.MaxP95Increase,
  Option.MinP95Delta,
  Option.MaxSlopeIncrease,
  Option.MinSlope,
  Option.OnInconclusive,
  Option.Out
];
var helpLines = (names) => names.map((name) => `  ${OPTION_HELP[name]}`).join("\n");
var RUN_USAGE = `Usage: memgate run --baseline "CMD" --gray "CMD" [options]

Starts both commands (through /bin/sh -c), each in its own cgroup, waits until each opens its port,
drives the optional load, waits out the warm-up, samples both for the window, stops them, judges,
prints the verdict and writes OUT/report.json, OUT/report.html and the bundle OUT/bundle/.
{port} in a command becomes a free loopback port for that workload; {url} in --load becomes
http://127.0.0.1:PORT of the side it loads.

Options (default):
${helpLines(Object.keys(OPTION_HELP))}
  --json                     print the report (report.json's content) to stdout, for jq; the verdict
                             and progress go to stderr

Staged rollout (memgate fuse --help):
${FUSE_RUN_OPTIONS_HELP}

${EXIT_STATUS_HELP} Interrupted: 129 / 130 / 143.`;
var ANALYZE_USAGE = `Usage: memgate analyze DIR [options]

Re-judges the run saved in DIR (DIR/bundle/) with the limits given here, the defaults otherwise,
prints the verdict and exits with the statuses of memgate run. Nothing is run.

Options (default):
  --warmup DUR               time excluded before the window (the warm-up recorded with the run)
${helpLines(JUDGE_OPTIONS2.filter((name) => name !== Option.Warmup && name !== Option.Out))}
  --out DIR2                 also write DIR2/report.json and DIR2/report.html (never DIR itself)
  --json                     print the report (report.json's content) to stdout, for jq; the verdict
                             goes to stderr

${EXIT_STATUS_HELP}`;
function gateOptions(flags) {
  return Object.fromEntries(
    Object.entries(flags).filter((entry) => typeof entry[1] === "string")
  );
}
var runCommand = {
  name: "run",
  summary: "start baseline and gray side by side, sample their memory, judge gray",
  usage: RUN_USAGE,
  async run(args, io) {
    const { flags } = parseFlags("memgate run", args, {
      strings: RUN_OPTIONS,
      booleans: [JSON_FLAG],
      multiple: [Option.PassEnv]
    });
    const json = flags[JSON_FLAG] === true;
    const say = humanOut(io, json);
    const raw = gateOptions(flags);
    const passEnv = flags[Option.PassEnv];
    if (Array.isArray(passEnv)) raw[Option.PassEnv] = passEnv.join(",");
    const plan2 = buildPlan(raw, { cwd: io.cwd, pathEnv: io.env.PATH ?? "" });
    const fuse = openRunFuse(raw, { env: io.env, cwd: io.cwd });
    const outcome = await gatedRun({
      fuse,
      outDir: plan2.outDir,
      logger: io.logger,
      gate: () => runGate(plan2, { logger: io.logger, signal: io.signal }),
      maxRunMs: gateMaxRunMs(plan2)
    });
    switch (outcome.kind) {
      case "fused":
        say(renderFuseOutcome(outcome.fuse) + "\n");
        break;
      case "fuse-unreadable":
        printError(io, outcome.message);
        break;
      case "interrupted":
        io.logger.warn(
          `interrupted: both workloads stopped and their cgroups removed; the partial bundle is in ${outcome.outDir}`
        );
        break;
      case "judged":
        say(renderConsole(outcome.report) + "\n");
        say(`report: ${outcome.reportPath}
`);
        if (outcome.fuse) say(renderFuseOutcome(outcome.fuse) + "\n");
        if (outcome.fuseError) {
          if (outcome.report.exitCode === ExitCode.Pass) printError(io, outcome.fuseError.message);
          else io.logger.warn(outcome.fuseError.message);
        }
        if (json) io.stdout(reportJson(outcome.report));
        break;
    }
    return exitCodeOf2(outcome);
  }
};
var analyzeCommand = {
  name: "analyze",
  summary: "re-judge a saved run offline (nothing is run)",
  usage: ANALYZE_USAGE,
  async run(args, io) {
    const { flags, positionals } = parseFlags("memgate analyze", args, {
      strings: JUDGE_OPTIONS2,
      booleans: [JSON_FLAG],
      positionals: 1
    });
    const json = flags[JSON_FLAG] === true;
    const say = humanOut(io, json);
    const raw = gateOptions(flags);
    const dir = positionals[0];
    if (!dir)
      throw new UsageError("memgate analyze needs the directory of an earlier run, e.g. memgate analyze memgate-out.");
    const out = raw[Option.Out];
    if (out && resolve6(io.cwd, out) === resolve6(io.cwd, dir)) {
      throw new UsageError(
        `--out ${out} is the run being analyzed; its report.json is kept as it was: give another directory, e.g. --out ${dir.replace(/\/+$/, "")}-rejudged.`
      );
    }
    const bundle = readBundle(dir);
    const settings = parseJudgeSettings(raw, bundle.meta.warmupMs);
    const report = judgeBundle(bundle, settings);
    say(renderConsole(report) + "\n");
    if (out) say(`report: ${writeReport(out, report)}
`);
    if (json) io.stdout(reportJson(report));
    return report.exitCode;
  }
};
var versionCommand = {
  name: "version",
  summary: "print memgate's version (also --version)",
  usage: "Usage: memgate version (or memgate --version): prints the version.",
  async run(args, io) {
    parseFlags("memgate version", args, { strings: [] });
    io.stdout(`${VERSION}
`);
    return ExitCode.Pass;
  }
};
var COMMANDS = [
  runCommand,
  analyzeCommand,
  fuseCommand,
  planCommand,
  fleetCommand,
  versionCommand
];
var MEMGATE = {
  name: "memgate",
  summary: "a memory release gate for canary rollouts",
  usage: `memgate ${VERSION}: a memory release gate for canary rollouts

Usage: memgate COMMAND [options]

Commands:
${COMMANDS.map((c3) => `  ${c3.name.padEnd(10)} ${c3.summary}`).join("\n")}

memgate COMMAND --help shows that command's usage and options (memgate fuse status --help, ...).
${EXIT_STATUS_HELP}`,
  commands: COMMANDS
};
var USAGE = MEMGATE.usage;
async function cli(argv, io) {
  try {
    if (argv[0] === "--version" || argv[0] === "-V") return await versionCommand.run(argv.slice(1), io);
    return await dispatch("memgate", MEMGATE, argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(io, error.message);
      return ExitCode.Usage;
    }
    printError(
      io,
      `internal error: ${errorMessage(error)} (please report it with the command you ran; set MEMGATE_DEBUG=1 for a stack trace)`
    );
    if (io.env.MEMGATE_DEBUG) io.stderr(`${String(error?.stack)}
`);
    return ExitCode.Inconclusive;
  }
}

// src/cli/main.ts
var stderrLogger = {
  info: (message) => process.stderr.write(`${neutraliseCommands(message)}
`),
  warn: (message) => process.stderr.write(`warning: ${neutraliseCommands(message)}
`)
};
var controller = new AbortController();
var SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
var signalled = null;
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {
});
var internalError = null;
var stopOnError = (error) => {
  internalError ??= error;
  controller.abort();
};
process.on("uncaughtException", stopOnError);
process.on("unhandledRejection", stopOnError);
for (const name of ["SIGHUP", "SIGINT", "SIGTERM"]) {
  process.on(name, () => {
    if (signalled) return;
    signalled = name;
    process.stderr.write(`memgate: ${name} received; stopping both workloads and removing their cgroups
`);
    controller.abort();
  });
}
var code = await cli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  // Error lines quote what the user or a store gave (paths, cell ids, reasons): inert as well.
  stderr: (text) => process.stderr.write(neutraliseCommands(text)),
  logger: stderrLogger,
  signal: controller.signal,
  cwd: process.cwd(),
  env: process.env
});
if (internalError !== null && !signalled) {
  process.stderr.write(
    `memgate: internal error: ${internalError instanceof Error ? internalError.message : String(internalError)}; both workloads were stopped and their cgroups removed
`
  );
}
process.exitCode = signalled ? SIGNAL_EXIT[signalled] : internalError !== null ? 3 : code;
