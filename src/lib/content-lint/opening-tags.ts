interface OpeningTag {
  index: number;
  end: number;
  /** Attribute values, normalized: `"a"` → `a`, `{x}` → `${x}`, `` {`${x}-title`} `` → `${x}-title`. */
  attributes: Map<string, string>;
}

/** Opening tags of an element in Astro/HTML/JSX source, skipping `>` inside quotes and `{…}` expressions. */
export function openingTags(source: string, tag: string): OpeningTag[] {
  const tags: OpeningTag[] = [];
  const start = new RegExp(`<${tag}(?=[\\s/>])`, 'g');
  for (const match of source.matchAll(start)) {
    let depth = 0;
    let quote = '';
    let i = match.index + match[0].length;
    for (; i < source.length; i++) {
      const char = source[i];
      if (quote) {
        if (char === quote) quote = '';
      } else if (char === '"' || char === "'" || char === '`') quote = char;
      else if (char === '{') depth++;
      else if (char === '}') depth--;
      else if (char === '>' && depth === 0) break;
    }
    tags.push({
      index: match.index,
      end: i + 1,
      attributes: parseAttributes(source.slice(match.index + match[0].length, i)),
    });
  }
  return tags;
}

/** Attributes of an opening tag's inside: `role="img" aria-labelledby={`${a} ${b}`} hidden {title}`. */
export function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    // Astro's shorthand `{title}` stands for `title={title}`; a spread such as `{...props}` names nothing we can check.
    const shorthand = /^[\s/]*\{\s*(\.\.\.)?\s*([\w$]+)\s*\}/.exec(text.slice(i));
    if (shorthand?.[2]) {
      if (!shorthand[1]) attributes.set(shorthand[2], `\${${shorthand[2]}}`);
      i += shorthand[0].length;
      continue;
    }
    const name = /^[\s/]*([^\s=/>{}"']+)/.exec(text.slice(i));
    if (!name?.[1]) break;
    i += name[0].length;
    const equals = /^\s*=\s*/.exec(text.slice(i));
    if (!equals) {
      attributes.set(name[1], '');
      continue;
    }
    i += equals[0].length;
    const open = text[i];
    let raw: string;
    if (open === '"' || open === "'") {
      const close = text.indexOf(open, i + 1);
      raw = text.slice(i + 1, close === -1 ? undefined : close);
      i = close === -1 ? text.length : close + 1;
    } else if (open === '{') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      const expression = text.slice(i + 1, j).trim();
      const literal = /^(['"`])([\s\S]*)\1$/.exec(expression);
      raw = literal ? (literal[2] ?? '') : `\${${expression}}`;
      i = j + 1;
    } else {
      const bare = /^[^\s>]*/.exec(text.slice(i))?.[0] ?? '';
      raw = bare;
      i += bare.length;
    }
    attributes.set(name[1], raw);
  }
  return attributes;
}
