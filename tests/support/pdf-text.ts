/**
 * The text an uncompressed PDF shows, line by line, read from its content streams: the standard
 * fonts write Latin-1 codes, embedded fonts glyph ids that their ToUnicode map turns back into text.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of source.matchAll(/(\d+) 0 obj\s([\s\S]*?)\sendobj/g)) objects.set(m[1], m[2]);
  const streamOf = (body: string | undefined) =>
    body?.match(/stream\r?\n([\s\S]*?)\r?\nendstream/)?.[1] ?? '';
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));

  const decoders = new Map<string, (hex: string) => string>();
  for (const [, name, ref] of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const toUnicode = objects.get(ref)?.match(/\/ToUnicode (\d+) 0 R/);
    if (!toUnicode) {
      decoders.set(name, (hex) => Buffer.from(hex, 'hex').toString('latin1'));
      continue;
    }
    const cmap = streamOf(objects.get(toUnicode[1]));
    const glyphs = new Map<number, string>();
    for (const [, start, , targets] of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi))
      [...targets.matchAll(/<([0-9a-f]+)>/gi)].forEach(([, unicode], i) => {
        glyphs.set(Number.parseInt(start, 16) + i, utf16(unicode));
      });
    for (const [, code, unicode] of cmap.matchAll(/^<([0-9a-f]{4})> <([0-9a-f]+)>$/gim))
      glyphs.set(Number.parseInt(code, 16), utf16(unicode));
    decoders.set(name, (hex) =>
      (hex.match(/.{4}/g) ?? []).map((id) => glyphs.get(Number.parseInt(id, 16)) ?? '\uFFFD').join(''),
    );
  }

  const lines: string[] = [];
  for (const body of objects.values()) {
    const stream = streamOf(body);
    if (!/ Tf\b/.test(stream)) continue;
    let font = '';
    for (const [, fontName, array] of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (fontName) {
        font = fontName;
        continue;
      }
      const decode = decoders.get(font) ?? (() => '');
      lines.push([...array.matchAll(/<([0-9a-f]*)>/gi)].map(([, hex]) => decode(hex)).join(''));
    }
  }
  return lines.join('\n');
}
