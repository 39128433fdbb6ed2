/**
 * Where the reader's post is after the posts on screen change. Lit keeps the DOM of each position, so the element
 * that had focus may now show another post: the widget moves focus to where this says. `before` and `after` are the
 * posts' addresses in order, `at` the focused post's index before. Returns the post's index now and whether it was
 * removed: a removed post's place goes to the post after it (the one before it when it was last), -1 when none are left.
 */
export function followFocus(before: string[], after: string[], at: number): [to: number, gone: boolean] {
  const to = after.indexOf(before[at]!);
  // The posts still shown keep their order: the one after it comes after those before it that stay.
  return to < 0 ? [Math.min(before.slice(0, at).filter((url) => after.includes(url)).length, after.length - 1), true] : [to, false];
}

/** How long the feed's status line stays empty before it says a post was removed (so a second removal is heard too). */
export const SAY_AFTER = 100;
