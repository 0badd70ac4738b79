// Rules every form schema shares. Free text never carries markup: it is always rendered as
// text anyway, but "<" and ">" in a name or title are a sign of an injection attempt.
export const MARKUP = /[<>]/;

export const noMarkup = (v: string) => !MARKUP.test(v);
