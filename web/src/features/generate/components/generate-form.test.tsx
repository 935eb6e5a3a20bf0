import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ContentDetail, CreateJobBody, ErrorResponse, GenerationJob } from '@genonaut/contracts';
import { makeContentDetail } from '@/testing/fixtures';
import { catalogueHandlers, jobStore } from '@/testing/generate-handlers';
import { API, apiError, signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

beforeEach(() => window.sessionStorage.clear());

const TEST_IDS: Record<string, string> = {
  Prompt: 'prompt-input',
  'Negative prompt': 'negative-prompt-input',
  Width: 'field-width',
  Height: 'field-height',
  'Batch size': 'field-batchSize',
  Seed: 'field-seed',
  Steps: 'field-steps',
  CFG: 'field-cfg',
  Title: 'field-title',
};
// By test id: role queries walk the accessibility tree of this large form and are slow. One test
// below checks the accessible names themselves.
const field = (name: string) => screen.getByTestId(TEST_IDS[name] ?? name);

/** Opens the generate page with the catalogue loaded and a checkpoint chosen. */
async function openForm(url = '/generate', checkpoint = 'SDXL Base') {
  const store = jobStore();
  server.use(...signedIn(), ...catalogueHandlers(), ...store.handlers);
  const view = renderApp(url);
  // The first render of a file also compiles the page's lazy chunks: allow it more time.
  await waitFor(() =>
    expect(screen.getByRole('combobox', { name: 'Checkpoint' })).toHaveTextContent(checkpoint),
  );
  return { ...view, store, user: userEvent.setup() };
}

async function retype(user: ReturnType<typeof userEvent.setup>, name: string, text: string) {
  await user.clear(field(name));
  // Pasted rather than typed key by key: the page is heavy and the machine may be busy.
  if (text) await user.paste(text);
}

describe('generate form', () => {
  it('checks every field against the API limits and sends nothing until they pass', async () => {
    const { store, user } = await openForm();
    await retype(user, 'Width', '100');
    await retype(user, 'Height', '4096');
    await retype(user, 'Steps', '200');
    await retype(user, 'Seed', 'abc');
    await retype(user, 'CFG', '0.5');
    await retype(user, 'Batch size', '9');
    await user.click(screen.getByRole('button', { name: 'Generate' }));

    expect(await screen.findByTestId('generate-invalid')).toBeInTheDocument();
    const form = screen.getByTestId('generate-form');
    expect(within(form).getByText('Describe the image you want')).toBeInTheDocument();
    expect(within(form).getByText('Must be a multiple of 8')).toBeInTheDocument();
    expect(within(form).getByText('Must be between 64 and 2048')).toBeInTheDocument();
    expect(within(form).getByText('Must be between 1 and 150')).toBeInTheDocument();
    expect(within(form).getByText('Enter a whole number')).toBeInTheDocument();
    expect(within(form).getByText('Must be between 1 and 30')).toBeInTheDocument();
    expect(within(form).getByText('Must be between 1 and 8')).toBeInTheDocument();
    expect(field('Width')).toHaveAttribute('aria-invalid', 'true');
    expect(store.submitted).toHaveLength(0);

    await retype(user, 'Prompt', 'a lighthouse at dawn');
    await retype(user, 'Width', '1000');
    await retype(user, 'Height', '640');
    await retype(user, 'Steps', '30');
    await retype(user, 'Seed', '7');
    await retype(user, 'CFG', '4.5');
    await retype(user, 'Batch size', '2');
    await retype(user, 'Title', 'Lighthouse');
    await user.type(screen.getByRole('combobox', { name: 'Tags' }), 'Coast{Enter}');
    await user.click(screen.getByRole('switch', { name: 'Private' }));
    await user.click(screen.getByRole('button', { name: 'Generate' }));

    await waitFor(() => expect(store.submitted).toHaveLength(1));
    expect(store.submitted[0]).toEqual({
      prompt: 'a lighthouse at dawn',
      checkpoint: 'sdxl_base.safetensors',
      loras: [],
      width: 1000,
      height: 640,
      batchSize: 2,
      seed: 7,
      steps: 30,
      cfg: 4.5,
      sampler: 'euler',
      scheduler: 'normal',
      denoise: 1,
      isPrivate: true,
      title: 'Lighthouse',
      tags: ['coast'],
    });
    expect(screen.queryByTestId('generate-invalid')).not.toBeInTheDocument();
  });

  it('sets both sides from a size preset and rolls a seed with the dice', async () => {
    const { user } = await openForm();
    for (const name of Object.keys(TEST_IDS)) {
      expect(screen.getByRole('textbox', { name })).toBe(field(name));
    }
    expect(screen.getByRole('combobox', { name: 'Size' })).toHaveTextContent('Portrait 832 × 1216');
    await user.click(screen.getByRole('combobox', { name: 'Size' }));
    await user.click(screen.getByRole('option', { name: 'Landscape 1216 × 832' }));
    expect(field('Width')).toHaveValue('1216');
    expect(field('Height')).toHaveValue('832');
    await retype(user, 'Width', '640');
    expect(screen.getByRole('combobox', { name: 'Size' })).toHaveTextContent('Custom');

    expect(field('Seed')).toHaveValue('-1');
    await user.click(screen.getByRole('button', { name: 'Random seed' }));
    expect(field('Seed')).not.toHaveValue('-1');
    expect(Number((field('Seed') as HTMLInputElement).value)).toBeGreaterThanOrEqual(0);
  });

  it('shows the API’s field errors in place and its refusals as an alert', async () => {
    const { user } = await openForm();
    let answer = apiError(400, {
      code: 'validation_failed',
      message: 'body.checkpoint unknown checkpoint',
      details: [
        {
          field: 'body.checkpoint',
          message: 'unknown checkpoint "sdxl_base.safetensors"; available: sd15_dream.safetensors',
        },
      ],
    });
    server.use(
      http.post<never, CreateJobBody, GenerationJob | ErrorResponse>(`${API}/generation-jobs`, () => answer),
    );
    await user.type(field('Prompt'), 'a cat');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByText(/available: sd15_dream\.safetensors/)).toBeInTheDocument();
    expect(screen.queryByTestId('generate-error')).not.toBeInTheDocument();

    answer = apiError(429, { code: 'rate_limited', message: 'You already have 20 jobs queued or running' });
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    const alert = await screen.findByTestId('generate-error');
    expect(alert).toHaveTextContent('Too many jobs');
    expect(alert).toHaveTextContent('You already have 20 jobs queued or running');
    expect(alert).toHaveTextContent('rate_limited');
    expect(screen.queryByText(/available: sd15_dream/)).not.toBeInTheDocument();

    answer = apiError(503, {
      code: 'dependency_unavailable',
      message: 'The job queue (Redis) is unavailable',
    });
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() =>
      expect(screen.getByTestId('generate-error')).toHaveTextContent('The job queue is unavailable'),
    );
    expect(screen.getByTestId('generate-error')).toHaveTextContent('dependency_unavailable');
  });

  it('remembers the form between visits and resets to the defaults', async () => {
    const first = await openForm();
    await first.user.type(field('Prompt'), 'a red fox');
    await retype(first.user, 'Steps', '42');
    first.unmount();

    const { user } = await openForm();
    expect(field('Prompt')).toHaveValue('a red fox');
    expect(field('Steps')).toHaveValue('42');
    await user.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(field('Prompt')).toHaveValue('');
    expect(field('Steps')).toHaveValue('25');
    // The first checkpoint is chosen again once the defaults are back.
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Checkpoint' })).toHaveTextContent('SDXL Base'),
    );
  });

  it('copies every generation setting of ?from and then drops it from the URL', async () => {
    server.use(
      http.get<never, never, ContentDetail>(`${API}/content/7`, () =>
        HttpResponse.json(
          makeContentDetail(7, {
            title: 'Old fox',
            prompt: 'a fox in the snow',
            negativePrompt: 'blurry',
            checkpoint: 'sd15_dream.safetensors',
            loras: [{ name: 'anime_15.safetensors', strengthModel: 0.6, strengthClip: 0.4 }],
            width: 512,
            height: 768,
            seed: 99,
            steps: 40,
            cfg: 5.5,
            sampler: 'dpmpp_2m',
            scheduler: 'karras',
            denoise: 0.8,
          }),
        ),
      ),
    );
    const { router, user, store } = await openForm('/generate?from=7', 'Dream 1.5');
    expect(await screen.findByTestId('prefill-done')).toHaveTextContent('Old fox');
    await waitFor(() => expect(currentUrl(router)).toBe('/generate'));
    expect(field('Prompt')).toHaveValue('a fox in the snow');
    expect(field('Negative prompt')).toHaveValue('blurry');
    expect(screen.getByRole('combobox', { name: 'Checkpoint' })).toHaveTextContent('Dream 1.5');
    expect(screen.getByRole('combobox', { name: 'Sampler' })).toHaveTextContent('dpmpp_2m');
    expect(screen.getByRole('combobox', { name: 'Scheduler' })).toHaveTextContent('karras');
    expect(await screen.findByTestId('lora-anime_15.safetensors')).toHaveTextContent('Anime 1.5');

    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(store.submitted).toHaveLength(1));
    expect(store.submitted[0]).toMatchObject({
      prompt: 'a fox in the snow',
      negativePrompt: 'blurry',
      checkpoint: 'sd15_dream.safetensors',
      loras: [{ name: 'anime_15.safetensors', strengthModel: 0.6, strengthClip: 0.4 }],
      width: 512,
      height: 768,
      seed: 99,
      steps: 40,
      cfg: 5.5,
      sampler: 'dpmpp_2m',
      scheduler: 'karras',
      denoise: 0.8,
    });
  });

  it('says so when the ?from item cannot be read', async () => {
    const { router } = await openForm('/generate?from=8');
    expect(await screen.findByTestId('prefill-error')).toHaveTextContent(
      'Could not copy the settings of item 8',
    );
    await waitFor(() => expect(currentUrl(router)).toBe('/generate'));
    expect(field('Prompt')).toHaveValue('');
  });

  it('picks LoRAs with compatibility marks, inserts trigger words and sends the strengths', async () => {
    const { user, store } = await openForm();
    await user.click(screen.getByRole('combobox', { name: 'Add a LoRA' }));
    const incompatible = await screen.findByTestId('lora-option-anime_15.safetensors');
    expect(incompatible).toHaveTextContent('Incompatible');
    expect(screen.getByTestId('lora-option-detail_xl.safetensors')).not.toHaveTextContent('Incompatible');
    await user.click(incompatible);
    expect(await screen.findByTestId('lora-anime_15.safetensors')).toHaveTextContent(
      'Incompatible with this checkpoint',
    );

    await user.click(screen.getByRole('combobox', { name: 'Add a LoRA' }));
    await user.click(await screen.findByTestId('lora-option-detail_xl.safetensors'));
    const detail = await screen.findByTestId('lora-detail_xl.safetensors');
    expect(within(detail).queryByText('Incompatible with this checkpoint')).not.toBeInTheDocument();

    await user.type(field('Prompt'), 'a castle');
    await user.click(within(detail).getByRole('button', { name: 'Insert trigger word ultra detailed' }));
    expect(field('Prompt')).toHaveValue('a castle, ultra detailed');
    await user.click(screen.getByRole('button', { name: 'Remove LoRA Anime 1.5' }));
    expect(screen.queryByTestId('lora-anime_15.safetensors')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(store.submitted).toHaveLength(1));
    expect(store.submitted[0]?.loras).toEqual([
      { name: 'detail_xl.safetensors', strengthModel: 0.8, strengthClip: 0.8 },
    ]);
  });
});
