import { createRequire } from 'node:module';
import type { FastifyReply } from 'fastify';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
// The 14 standard PDF fonts cover Latin-1 only; counterparties are named in Cyrillic, Greek and
// more, so the documents embed DejaVu Sans (pdfkit keeps only the glyphs a document uses).
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const MARGIN = 40;
const LINE_GAP = 3;

/**
 * An A4 page with the document fonts. Streams are left uncompressed: the documents are a few
 * pages of text, and an uncompressed file can be checked (and searched) for its figures as sent.
 */
export function a4Document(title: string) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: false,
    info: { Title: title, Producer: 'Tandem', Creator: 'Tandem' },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.font('regular').fontSize(9);
  return doc;
}

/** Ends the document and hands back its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Answers with the PDF, shown in the browser and saved under `name` when downloaded. */
export const sendPdf = (reply: FastifyReply, name: string, bytes: Buffer) =>
  reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`).send(bytes);

export const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - MARGIN * 2;

/** A title line and the lines under it, e.g. a party's name and tax id. */
export function block(doc: PDFKit.PDFDocument, heading: string, lines: (string | null | undefined)[]) {
  doc.font('bold').fontSize(9).text(heading, MARGIN, doc.y);
  doc.font('regular');
  for (const line of lines) if (line) doc.text(line);
  doc.moveDown(0.6);
}

export interface Column {
  header: string;
  /** A share of the content width; the shares of a table add up to 1. */
  share: number;
  align?: 'left' | 'right';
}

export interface Row {
  cells: string[];
  bold?: boolean;
}

/** Rows under a header; a row that does not fit starts a new page, which repeats the header. */
export function table(doc: PDFKit.PDFDocument, columns: Column[], rows: Row[]) {
  const width = contentWidth(doc);
  const widths = columns.map((c) => c.share * width);
  const bottom = () => doc.page.height - MARGIN;
  doc.fontSize(8);
  const heightOf = (row: Row) => {
    doc.font(row.bold ? 'bold' : 'regular');
    return Math.max(...row.cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 4 })));
  };
  const draw = (row: Row) => {
    const height = heightOf(row);
    if (doc.y + height + LINE_GAP > bottom()) {
      doc.addPage();
      drawHeader();
    }
    const top = doc.y;
    let x = MARGIN;
    doc.font(row.bold ? 'bold' : 'regular');
    row.cells.forEach((cell, i) => {
      doc.text(cell, x + 2, top, { width: widths[i] - 4, align: columns[i].align ?? 'left' });
      x += widths[i];
    });
    doc.y = top + height + LINE_GAP;
    doc.x = MARGIN;
  };
  const rule = () =>
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + width, doc.y)
      .lineWidth(0.5)
      .stroke();
  const drawHeader = () => {
    draw({ cells: columns.map((c) => c.header), bold: true });
    rule();
    doc.y += LINE_GAP;
  };
  drawHeader();
  for (const row of rows) {
    if (row.bold) {
      rule();
      doc.y += LINE_GAP;
    }
    draw(row);
  }
  doc.font('regular').fontSize(9);
}

/** Two signature lines side by side, one per party, kept together on one page. */
export function signatures(doc: PDFKit.PDFDocument, parties: [string, string]) {
  const half = (contentWidth(doc) - 20) / 2;
  const left = (i: number) => MARGIN + i * (half + 20);
  doc.font('bold');
  const heading = Math.max(...parties.map((p) => doc.heightOfString(`For ${p}`, { width: half })));
  if (doc.y + heading + 80 > doc.page.height - MARGIN) doc.addPage();
  else doc.moveDown(2);
  const top = doc.y;
  parties.forEach((party, i) => {
    doc.text(`For ${party}`, left(i), top, { width: half });
  });
  const lineY = top + heading + 36;
  doc.font('regular');
  parties.forEach((_, i) => {
    doc
      .moveTo(left(i), lineY)
      .lineTo(left(i) + half, lineY)
      .lineWidth(0.5)
      .stroke();
    doc.text('Signature, name, position, date', left(i), lineY + 4, { width: half });
  });
  doc.x = MARGIN;
}
