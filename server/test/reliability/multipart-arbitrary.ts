// multipart/form-data bodies for the upload endpoint, written byte by byte so they can be wrong in every
// way a client (or an attacker) can make them: random and wrongly typed files, huge and odd file names,
// missing, repeated and unknown parts, too many parts, a boundary that does not match, a form cut short.
// Field names and values come from the form's schema, so well-formed uploads that succeed occur too.
import fc from 'fast-check';
import { arbitraryFor, asText, hostile, type JsonSchema, type SchemaContext } from './schema-arbitrary';

export interface MultipartBody {
  payload: Buffer;
  contentType: string;
}

interface Part {
  name: string;
  filename?: string;
  type?: string;
  data: Buffer;
}

export interface UploadSamples {
  /** A real, small image the endpoint accepts. */
  png: Buffer;
  /** Bytes over the configured upload limit. */
  tooLarge: Buffer;
}

const oddNames = [
  '',
  'file ',
  'FILE',
  'file[]',
  'a"b',
  'line\r\nbreak',
  '\u0000',
  '../file',
  '__proto__',
  'x'.repeat(10_000),
];

const fileNames = [
  'upload.png',
  'photo.JPG',
  '',
  '.png',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'C:\\fakepath\\image.png',
  'a"b.png',
  'semi;colon.png',
  'line\r\nContent-Type: text/html.png',
  '\u0000.png',
  '\u202egnp.exe',
  '🎨 картина 画.png',
  `${'x'.repeat(100_000)}.png`,
];

const mediaTypes = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'image/svg+xml',
  'text/plain',
  'text/html',
  'application/octet-stream',
  'application/json',
  'image/png; charset=utf-8',
  'garbage',
  '',
];

function fileData(samples: UploadSamples): fc.Arbitrary<Buffer> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(samples.png) },
    { weight: 1, arbitrary: fc.constant(samples.png.subarray(0, 40)) },
    {
      weight: 1,
      arbitrary: fc.constant(Buffer.concat([samples.png.subarray(0, 16), Buffer.alloc(64, 0xff)])),
    },
    { weight: 1, arbitrary: fc.constant(samples.tooLarge) },
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
    { weight: 1, arbitrary: fc.constant(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')) },
    { weight: 1, arbitrary: fc.constant(Buffer.from('GIF89a\u0001\u0000\u0001\u0000')) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2_048 }).map((bytes) => Buffer.from(bytes)) },
  );
}

function filePart(samples: UploadSamples): fc.Arbitrary<Part> {
  return fc.record(
    {
      name: fc.oneof({ weight: 6, arbitrary: fc.constant('file') }, fc.constantFrom(...oddNames)),
      filename: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...fileNames) },
        fc.string({ unit: 'grapheme', maxLength: 40 }),
      ),
      type: fc.constantFrom(...mediaTypes),
      data: fileData(samples),
    },
    { requiredKeys: ['name', 'data'] },
  );
}

function fieldPart(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<Part> {
  const named = Object.entries(schema.properties ?? {})
    .filter(([name]) => name !== 'file')
    .map(([name, property]) =>
      arbitraryFor(property, ctx).map((value) => ({ name, data: Buffer.from(asText(value)) })),
    );
  const stray = fc
    .tuple(fc.constantFrom(...oddNames, 'file'), hostile)
    .map(([name, value]) => ({ name, data: Buffer.from(asText(value)) }));
  return fc.oneof({ weight: 4, arbitrary: fc.oneof(...named) }, { weight: 1, arbitrary: stray });
}

function encode(parts: Part[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      `form-data; name="${part.name}"` + (part.filename === undefined ? '' : `; filename="${part.filename}"`);
    const type = part.type === undefined ? '' : `Content-Type: ${part.type}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(part.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** How the envelope is broken, if at all. */
const envelopes = [
  'intact',
  'intact',
  'intact',
  'intact',
  'cut short',
  'no closing boundary',
  'other boundary',
  'no boundary parameter',
  'empty boundary',
  'multipart/mixed',
  'bare LF line ends',
  'empty body',
] as const;

function wrap(parts: Part[], envelope: (typeof envelopes)[number], cut: number): MultipartBody {
  const boundary = '----genonautFuzz7MA4YWxkTrZu0gW';
  const body = encode(parts, boundary);
  const formData = `multipart/form-data; boundary=${boundary}`;
  switch (envelope) {
    case 'intact':
      return { payload: body, contentType: formData };
    case 'cut short':
      return { payload: body.subarray(0, Math.floor(body.length * cut)), contentType: formData };
    case 'no closing boundary':
      return { payload: body.subarray(0, body.length - boundary.length - 6), contentType: formData };
    case 'other boundary':
      return { payload: body, contentType: 'multipart/form-data; boundary=somethingElse' };
    case 'no boundary parameter':
      return { payload: body, contentType: 'multipart/form-data' };
    case 'empty boundary':
      return { payload: body, contentType: 'multipart/form-data; boundary=' };
    case 'multipart/mixed':
      return { payload: body, contentType: `multipart/mixed; boundary=${boundary}` };
    case 'bare LF line ends':
      return {
        payload: Buffer.from(body.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'),
        contentType: formData,
      };
    case 'empty body':
      return { payload: Buffer.alloc(0), contentType: formData };
  }
}

/** Upload bodies: mostly one file plus schema-shaped fields, sometimes anything but. */
export function multipartArbitrary(
  schema: JsonSchema,
  ctx: SchemaContext,
  samples: UploadSamples,
): fc.Arbitrary<MultipartBody> {
  const file = filePart(samples);
  const field = fieldPart(schema, ctx);
  const usual = fc
    .tuple(file, fc.array(field, { maxLength: 4 }))
    .chain(([f, fields]) => fc.shuffledSubarray([f, ...fields], { minLength: fields.length }));
  const anything = fc.array(fc.oneof(file, field), { maxLength: 25 });
  const broken = fc
    .tuple(
      fc.oneof({ weight: 3, arbitrary: usual }, { weight: 1, arbitrary: anything }),
      fc.constantFrom(...envelopes),
      fc.double({ min: 0, max: 1, noNaN: true }),
    )
    .map(([parts, envelope, cut]) => wrap(parts, envelope, cut));
  // What a browser sends: the image as `file` and a title (sometimes not one the schema allows).
  const proper = fc
    .tuple(arbitraryFor(schema.properties?.title ?? { type: 'string' }, ctx), fc.constantFrom(...fileNames))
    .map(([title, filename]) =>
      wrap(
        [
          { name: 'file', filename, type: 'image/png', data: samples.png },
          { name: 'title', data: Buffer.from(asText(title)) },
        ],
        'intact',
        1,
      ),
    );
  return fc.oneof({ weight: 3, arbitrary: broken }, { weight: 1, arbitrary: proper });
}
