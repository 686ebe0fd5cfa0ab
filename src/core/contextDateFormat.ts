import type { ContextDate } from './catalogue';

/**
 * A date or period of the source (`2020-11-04`, `2020-06`, with an optional end) written in `language`
 * with `Intl.DateTimeFormat`: "14 septembre 2020", "juin 2020". A period goes through `rangeTemplate`
 * (`{0} to {1}`, in French `du {0} au {1}`), and its start drops the year when both ends share it, as
 * people write it: "du 14 septembre au 16 octobre 2020". French writes the first day of a month "1er".
 * Anything that is not an ISO date or month is returned as written.
 */
export function formatContextDate(d: ContextDate, language: string, rangeTemplate: string): string {
  const start = parse(d.start);
  const end = d.end === undefined ? undefined : parse(d.end);
  if (!start) {
    return d.end === undefined ? d.start : fill(rangeTemplate, d.start, end ? write(end, language, true) : d.end);
  }
  if (d.end === undefined) {
    return write(start, language, true);
  }
  if (!end) {
    return fill(rangeTemplate, write(start, language, true), d.end);
  }
  const sameYear = start.year === end.year && start.day !== undefined && end.day !== undefined;
  return fill(rangeTemplate, write(start, language, !sameYear), write(end, language, true));
}

interface IsoDate {
  readonly year: number;
  readonly month: number;
  readonly day: number | undefined;
}

function parse(iso: string): IsoDate | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: m[3] === undefined ? undefined : Number(m[3]) } : undefined;
}

function write(d: IsoDate, language: string, withYear: boolean): string {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day ?? 1));
  const options: Intl.DateTimeFormatOptions = {
    ...(d.day === undefined ? {} : { day: 'numeric' }),
    month: 'long',
    ...(withYear || d.day === undefined ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  };
  let text: string;
  try {
    text = new Intl.DateTimeFormat(language, options).format(date);
  } catch {
    // An unknown language tag: the default locale rather than no date at all.
    text = new Intl.DateTimeFormat(undefined, options).format(date);
  }
  return d.day === 1 && /^fr\b/i.test(language) ? text.replace(/^1(?=\s)/, '1er') : text;
}

function fill(template: string, a: string, b: string): string {
  return template.replace('{0}', a).replace('{1}', b);
}
