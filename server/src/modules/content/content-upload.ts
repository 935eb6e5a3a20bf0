// Reads the multipart body of `POST /content` into a checked form. The text fields are validated against
// the same contract schema the OpenAPI document shows, with errors named like every other 400
// (`body.title`), so a multipart request fails the way a JSON one would.
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { CreateContentForm, type FieldError } from '@genonaut/contracts';
import { DomainError } from '../../errors';
import { parseTagList, type CreateContentInput, type UploadedFile } from './content-items.service';

const { file: _file, ...textProperties } = CreateContentForm.properties;
const TextFields = Type.Object(textProperties, { additionalProperties: false });
const checkTextFields = Compile(TextFields);
const textFieldNames = new Set(Object.keys(textProperties));

const MAX_TAGS = 50;
// A 20 000-character prompt is at most 80 000 bytes of UTF-8; anything longer fails validation anyway.
const MAX_FIELD_BYTES = 100_000;

const invalidForm = (details: FieldError[]) =>
  new DomainError(
    'validation_failed',
    `Invalid request: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`,
    details,
  );

async function readParts(request: FastifyRequest, maxFileBytes: number) {
  const fields: Record<string, unknown> = {};
  const problems: FieldError[] = [];
  let file: UploadedFile | undefined;
  const parts = request.parts({
    limits: { fileSize: maxFileBytes, files: 1, fields: 20, parts: 21, fieldSize: MAX_FIELD_BYTES },
  });
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        file = await readFilePart(part, problems);
        continue;
      }
      readField(part, fields, problems);
    }
  } catch (error) {
    if (error instanceof request.server.multipartErrors.FilesLimitError) {
      throw invalidForm([{ field: 'body.file', message: 'send exactly one file' }]);
    }
    // The parser's own errors carry a status (413 for the limits); the rest are a body that is not a
    // well-formed form: a boundary missing or not the one announced, a part cut short.
    if (error instanceof Error && !('statusCode' in error)) {
      throw invalidForm([
        { field: 'body', message: `is not a well-formed multipart form (${error.message})` },
      ]);
    }
    throw error;
  }
  return { file, fields, problems };
}

async function readFilePart(part: MultipartFile, problems: FieldError[]): Promise<UploadedFile | undefined> {
  if (part.fieldname !== 'file') {
    // Drain it so parsing can go on to report every problem at once.
    await part.toBuffer();
    problems.push({
      field: `body.${part.fieldname}`,
      message: 'is not a file field (send the image as `file`)',
    });
    return undefined;
  }
  // Throws RequestFileTooLargeError (413) past the upload limit.
  const data = await part.toBuffer();
  return { data, filename: part.filename, mimetype: part.mimetype };
}

function readField(part: MultipartValue, fields: Record<string, unknown>, problems: FieldError[]) {
  const field = `body.${part.fieldname}`;
  if (part.fieldname === 'file') problems.push({ field, message: 'must be a file, not a text field' });
  else if (!textFieldNames.has(part.fieldname)) problems.push({ field, message: 'is not a known field' });
  else if (part.valueTruncated) problems.push({ field, message: 'is too long' });
  else if (!(part.fieldname in fields)) fields[part.fieldname] = part.value;
  // Form libraries often send a list as repeated parts; for tags that means the same as a comma list.
  else if (part.fieldname === 'tags' && typeof part.value === 'string' && typeof fields.tags === 'string')
    fields.tags = `${fields.tags},${part.value}`;
  else problems.push({ field, message: 'is sent more than once' });
}

/** The checked upload, or a 400 listing every bad field (413 when the file is over the limit). */
export async function readCreateContentForm(
  request: FastifyRequest,
  maxFileBytes: number,
): Promise<CreateContentInput> {
  if (!request.isMultipart()) {
    throw new DomainError('unsupported_media_type', 'Send the upload as multipart/form-data');
  }
  const { file, fields, problems } = await readParts(request, maxFileBytes);
  const reported = new Set(problems.map((p) => p.field));
  const converted = Value.Convert(TextFields, fields);
  for (const error of checkTextFields.Errors(converted)) {
    const missing = (error.params as { requiredProperties?: string[] }).requiredProperties;
    const names = missing ?? [error.instancePath.replace(/^\//, '').replace(/\//g, '.')];
    for (const name of names) {
      const field = name ? `body.${name}` : 'body';
      if (reported.has(field)) continue;
      reported.add(field);
      problems.push({ field, message: missing ? 'is required' : error.message });
    }
  }
  if (!file && !reported.has('body.file')) problems.push({ field: 'body.file', message: 'is required' });
  else if (file && file.data.length === 0) problems.push({ field: 'body.file', message: 'is empty' });
  const form = converted as Omit<CreateContentForm, 'file'>;
  const tagSlugs = parseTagList(form.tags);
  if (tagSlugs.length > MAX_TAGS) problems.push({ field: 'body.tags', message: `at most ${MAX_TAGS} tags` });
  if (problems.length > 0 || !file) throw invalidForm(problems);
  return {
    file,
    title: form.title,
    prompt: form.prompt ?? '',
    tagSlugs,
    isPrivate: form.isPrivate ?? false,
  };
}
