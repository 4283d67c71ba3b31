import { html, type SafeHtml } from "../platform/html.ts";

/** A header cell's content: a text, or markup such as `hiddenHeader(…)`. */
type Cell = SafeHtml | string;

export interface TableOptions<T> {
  /** Every table has a caption; `captionHidden` when the heading above already says it. */
  caption: Cell;
  captionHidden?: boolean;
  /** The column headers (`<th scope="col">`), in order. */
  head: readonly Cell[];
  rows: readonly T[];
  /** One row: the whole `<tr>…</tr>`, so a row may carry a class or a `<th scope="row">`. */
  row: (item: T) => SafeHtml;
  /** Shown instead of the table when there are no rows (`<p class="empty">`). */
  empty?: string;
}

/**
 * The pages' one table: a caption (for screen readers, visible or not), header cells with
 * their scope, the rows, and the empty state the pages show when there is nothing to list.
 */
export function table<T>(o: TableOptions<T>): SafeHtml {
  if (o.rows.length === 0 && o.empty !== undefined) return html`<p class="empty">${o.empty}</p>`;
  const caption = o.captionHidden
    ? html`<caption class="visually-hidden">${o.caption}</caption>`
    : html`<caption>${o.caption}</caption>`;
  return html`<table class="table">${caption}
<thead><tr>${o.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${o.rows.map(o.row)}</tbody></table>`;
}

/** A column header only screen readers read (a column of links or buttons). */
export function hiddenHeader(text: string): SafeHtml {
  return html`<span class="visually-hidden">${text}</span>`;
}

/**
 * A page section that is one table under its own heading: the `<h2>` says what the table holds
 * (so the table's caption is hidden) and labels the section; `intro` (a paragraph) comes before
 * the table, `more` (a sub-heading, a second table, a form) after it, in the same section.
 */
export function tableSection<T>(
  id: string,
  o: TableOptions<T>,
  parts: { intro?: SafeHtml; more?: SafeHtml } = {},
): SafeHtml {
  return html`<section aria-labelledby="h-${id}"><h2 id="h-${id}">${o.caption}</h2>
${parts.intro === undefined ? "" : html`${parts.intro}\n`}${table({ ...o, captionHidden: true })}${parts.more === undefined ? "" : html`\n${parts.more}`}
</section>`;
}
