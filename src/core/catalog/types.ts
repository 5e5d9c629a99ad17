export type Lang = 'en' | 'ko';

/** One explanation. summary: one sentence; body: short Markdown, no HTML. */
export interface Entry {
  title: string;
  summary: string;
  body: string;
}
