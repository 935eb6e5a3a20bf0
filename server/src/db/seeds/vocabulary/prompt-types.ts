// Shapes of the prompt vocabulary. Every fragment names the tag slugs it implies, so a prompt composed
// from fragments gets tags that fit what it says.

/** Broad kind of subject; some fragments only make sense with some kinds (no full-body shot of a city). */
export type SubjectKind = 'figure' | 'creature' | 'scene' | 'object';

export interface PromptFragment {
  text: string;
  tags: string[];
  /** Subject kinds this fragment suits; absent means every kind. */
  fits?: SubjectKind[];
  /** Short phrase for titles ("Watercolor", "in the Misty Forest", "Quiet"); absent: not used in titles. */
  title?: string;
}

export interface SubjectFragment extends PromptFragment {
  kind: SubjectKind;
  title: string;
}

/** Row form used by the data files: [text, tags, title?, fits?]. */
export type FragmentRow = [text: string, tags: string[], title?: string, fits?: SubjectKind[]];

export function fragments(rows: FragmentRow[]): PromptFragment[] {
  return rows.map(([text, tags, title, fits]) => ({
    text,
    tags,
    ...(title === undefined || title === '' ? {} : { title }),
    ...(fits === undefined ? {} : { fits }),
  }));
}
