// Fixtures and MSW handlers for the tags pages: a small polyhierarchy in which "Ink wash" sits under
// both "Painting" (medium) and "East Asian styles" (style).
import { http, HttpResponse } from 'msw';
import type {
  ErrorResponse,
  Tag,
  TagDetail,
  TagHierarchy,
  TagHierarchyNode,
  TagPage,
} from '@genonaut/contracts';
import { makePage } from './fixtures';
import { API, apiError } from './handlers';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const TAG_IDS = {
  medium: uuid(101),
  style: uuid(102),
  painting: uuid(103),
  'east-asian-styles': uuid(104),
  'ink-wash': uuid(105),
  watercolor: uuid(106),
} as const;

type Slug = keyof typeof TAG_IDS;

const node = (slug: Slug, name: string, parents: Slug[], childCount: number, contentCount: number) =>
  ({
    id: TAG_IDS[slug],
    slug,
    name,
    parentIds: parents.map((parent) => TAG_IDS[parent]),
    childCount,
    contentCount,
  }) satisfies TagHierarchyNode;

export const tagHierarchy: TagHierarchy = {
  nodes: [
    node('medium', 'Medium', [], 1, 40),
    node('style', 'Style', [], 1, 30),
    node('painting', 'Painting', ['medium'], 2, 20),
    node('east-asian-styles', 'East Asian styles', ['style'], 1, 10),
    node('ink-wash', 'Ink wash', ['painting', 'east-asian-styles'], 0, 5),
    node('watercolor', 'Watercolor', ['painting'], 0, 1),
  ],
  rootIds: [TAG_IDS.medium, TAG_IDS.style],
};

export function makeTag(slug: Slug, overrides: Partial<Tag> = {}): Tag {
  const found = tagHierarchy.nodes.find((entry) => entry.slug === slug);
  if (!found) throw new Error(`no fixture tag ${slug}`);
  return {
    id: found.id,
    slug: found.slug,
    name: found.name,
    description: null,
    parentIds: found.parentIds,
    contentCount: found.contentCount,
    ratingAvg: null,
    ratingCount: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const ref = (slug: Slug) => {
  const tag = makeTag(slug);
  return { id: tag.id, slug: tag.slug, name: tag.name };
};

/** "Ink wash": two parents, two routes from the top, no children. */
export function makeTagDetail(overrides: Partial<TagDetail> = {}): TagDetail {
  return {
    id: TAG_IDS['ink-wash'],
    slug: 'ink-wash',
    name: 'Ink wash',
    description: 'Monochrome brush ink diluted into washes.',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    parents: [ref('painting'), ref('east-asian-styles')],
    children: [],
    ancestorPaths: [
      [ref('medium'), ref('painting'), ref('ink-wash')],
      [ref('style'), ref('east-asian-styles'), ref('ink-wash')],
    ],
    counts: {
      all: 12,
      regular: 8,
      auto: 4,
      updatedAt: '2026-02-01T00:00:00.000Z',
      visible: 7,
      visibleIsCapped: false,
    },
    ratingAvg: 3.5,
    ratingCount: 4,
    ...overrides,
  };
}

export const hierarchyReturns = (hierarchy: TagHierarchy = tagHierarchy) =>
  http.get<never, never, TagHierarchy>(`${API}/tags/hierarchy`, () => HttpResponse.json(hierarchy));

/** `GET /tags?q=` over the fixture tags, recording each request's query string. */
export function tagSearchReturns(requests: URLSearchParams[] = []) {
  return http.get<never, never, TagPage>(`${API}/tags`, ({ request }) => {
    const params = new URL(request.url).searchParams;
    requests.push(params);
    const q = (params.get('q') ?? '').toLowerCase();
    const items = tagHierarchy.nodes
      .filter((entry) => entry.name.toLowerCase().includes(q) || entry.slug.includes(q))
      .map((entry) => makeTag(entry.slug as Slug));
    return HttpResponse.json({
      items,
      pagination: { ...makePage([]).pagination, totalCount: items.length },
    });
  });
}

/** `GET /tags/:idOrSlug` answering `detail` for its slug or id and 404 for anything else. */
export function tagDetailReturns(detail: TagDetail = makeTagDetail()) {
  return http.get<{ id: string }, never, TagDetail | ErrorResponse>(`${API}/tags/:id`, ({ params }) =>
    params.id === detail.slug || params.id === detail.id
      ? HttpResponse.json(detail)
      : apiError(404, { code: 'not_found', message: 'No such tag' }),
  );
}
