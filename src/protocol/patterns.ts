/**
 * Translates the Java regular expressions of the AWS model (`pattern` traits) into JavaScript
 * `u`-flag RegExps that match the whole value, as Java's `Matcher.matches()` does.
 *
 * Only constructs whose Java meaning can be reproduced exactly are translated; anything else
 * (possessive quantifiers, atomic groups, inline flags, nested classes, blocks...) throws, so a
 * model update that introduces one fails the unit test that compiles every model pattern
 * instead of silently matching differently from AWS.
 */

// Java's POSIX classes are ASCII-only unless UNICODE_CHARACTER_CLASS is set (it never is here).
const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E',
  Graph: '\\x21-\\x7E',
  Print: '\\x20-\\x7E',
  Blank: '\\x20\\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: '\\t\\n\\x0B\\f\\r\\x20',
};

// Escapes whose class content differs between Java and JS (Java's \s is ASCII, \v and \h are
// the Java 8 vertical / horizontal whitespace classes).
const CLASS_ESCAPES: Readonly<Record<string, string>> = {
  s: POSIX.Space!,
  h: '\\x20\\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000',
  v: '\\n\\x0B\\f\\r\\x85\\u2028\\u2029',
};

// Escapes that mean the same in both dialects.
const SAME_ESCAPES = new Set(['d', 'D', 'w', 'W', 'b', 'B', 't', 'n', 'r', 'f']);
// Characters JS `u` mode accepts after a backslash as an identity escape.
const JS_SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);

function unsupported(pattern: string, what: string): Error {
  return new Error(`Unsupported Java regex construct ${what} in pattern ${pattern}`);
}

function codePointEscape(cp: number): string {
  return `\\u{${cp.toString(16).toUpperCase()}}`;
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Class content (no brackets) for `\p{name}`, or undefined when JS cannot express it. */
function propertyContent(name: string): string | undefined {
  if (Object.hasOwn(POSIX, name)) return POSIX[name];
  const eq = name.indexOf('=');
  let candidates: string[];
  if (eq >= 0) {
    const key = name.slice(0, eq).toLowerCase();
    const value = name.slice(eq + 1);
    if (key === 'script' || key === 'sc') candidates = [`Script=${value}`];
    else if (key === 'general_category' || key === 'gc') candidates = [`gc=${value}`];
    else candidates = [];
  } else if (name.startsWith('Is')) {
    // Java's Is-prefix names a script, a binary property or a general category.
    const rest = name.slice(2);
    candidates = [rest, `Script=${rest}`];
  } else if (name.startsWith('In') || name.startsWith('java')) {
    candidates = [];
  } else {
    candidates = [name];
  }
  const hit = candidates.find((c) => compiles(`\\p{${c}}`));
  return hit === undefined ? undefined : `\\p{${hit}}`;
}

/** Translates the escape starting at `pattern[i]` (a backslash); returns [js, next index]. */
function escape(pattern: string, i: number, inClass: boolean): [string, number] {
  const n = pattern[i + 1];
  if (n === undefined) throw unsupported(pattern, 'trailing backslash');
  const rest = pattern.slice(i + 2);
  const wrap = (content: string, negate: boolean): string =>
    inClass ? content : `[${negate ? '^' : ''}${content}]`;
  if (n === 'Q') {
    const end = rest.indexOf('\\E');
    const quoted = end < 0 ? rest : rest.slice(0, end);
    const js = [...quoted].map((ch) => codePointEscape(ch.codePointAt(0)!)).join('');
    return [js, i + 2 + quoted.length + (end < 0 ? 0 : 2)];
  }
  if (SAME_ESCAPES.has(n)) return [`\\${n}`, i + 2];
  if (Object.hasOwn(CLASS_ESCAPES, n)) return [wrap(CLASS_ESCAPES[n]!, false), i + 2];
  if (n === 'S' && !inClass) return [wrap(CLASS_ESCAPES.s!, true), i + 2];
  if (n === 'A' && !inClass) return ['^', i + 2];
  if (n === 'z' && !inClass) return ['$', i + 2];
  if (n === 'u') {
    // Kept as \uXXXX so that an escaped surrogate pair still forms one code point in JS.
    const hex = /^[0-9A-Fa-f]{4}/.exec(rest)?.[0];
    if (hex === undefined) throw unsupported(pattern, '\\u');
    return [`\\u${hex}`, i + 6];
  }
  if (n === 'x') {
    const m = /^(?:\{([0-9A-Fa-f]{1,6})\}|[0-9A-Fa-f]{2})/.exec(rest);
    if (m === null) throw unsupported(pattern, '\\x');
    return [codePointEscape(parseInt(m[1] ?? m[0], 16)), i + 2 + m[0].length];
  }
  if (n === 'p' || n === 'P') {
    const m = /^(?:\{([^}]+)\}|([A-Za-z]))/.exec(rest);
    const content = m === null ? undefined : propertyContent(m[1] ?? m[2]!);
    if (m === null || content === undefined) throw unsupported(pattern, `\\${n}`);
    const next = i + 2 + m[0].length;
    if (content.startsWith('\\p{')) return [n === 'P' ? `\\P${content.slice(2)}` : content, next];
    if (n === 'P' && inClass) throw unsupported(pattern, '\\P inside a class');
    return [wrap(content, n === 'P'), next];
  }
  if (/[0-9A-Za-z]/.test(n)) throw unsupported(pattern, `\\${n}`);
  // A needless escape of punctuation: Java allows `\-`, `\@`, ...; JS `u` mode rejects most.
  const cp = pattern.codePointAt(i + 1)!;
  const next = i + 1 + String.fromCodePoint(cp).length;
  return [JS_SYNTAX.has(n) || (inClass && n === '-') ? `\\${n}` : codePointEscape(cp), next];
}

/** Returns the JS source (without anchors) equivalent to the Java pattern. */
export function javaToJsSource(pattern: string): string {
  let out = '';
  let inClass = false;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    let token = c;
    let next = i + 1;
    if (c === '\\') {
      [token, next] = escape(pattern, i, inClass);
    } else if (inClass) {
      if (c === '[' || (c === '&' && pattern[i + 1] === '&')) {
        throw unsupported(pattern, 'class union/intersection');
      }
      inClass = c !== ']';
    } else if (c === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') [token, next] = ['[^', i + 2];
    } else if (c === '(' && pattern[i + 1] === '?') {
      const m = /^\(\?(?::|=|!|<=|<!|<[A-Za-z][A-Za-z0-9]*>)/.exec(pattern.slice(i));
      if (m === null) throw unsupported(pattern, 'group flag');
      [token, next] = [m[0], i + m[0].length];
    } else if (c === '{') {
      const m = /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i));
      if (m === null) throw unsupported(pattern, 'repetition');
      [token, next] = [m[0], i + m[0].length];
    } else if (c === '}' || c === ']') {
      token = `\\${c}`; // literal in Java, a syntax error in JS `u` mode
    } else if (c === '.') {
      token = '[^\\n\\r\\x85\\u2028\\u2029]'; // Java's `.` also excludes NEL (U+0085)
    }
    if (!inClass && '*+?{'.includes(c) && pattern[next] === '+') {
      throw unsupported(pattern, 'possessive quantifier');
    }
    out += token;
    i = next;
  }
  if (inClass) throw unsupported(pattern, 'unterminated class');
  return out;
}

const cache = new Map<string, RegExp>();

/** The compiled whole-value matcher for a model pattern; compiled once and cached. */
export function patternRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^(?:${javaToJsSource(pattern)})$`, 'u');
    cache.set(pattern, re);
  }
  return re;
}
