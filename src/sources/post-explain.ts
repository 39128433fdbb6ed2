// What is wrong with a post the compiled validator rejected, in zod's words (loaded only then: ./posts.ts).
import { postSchema } from './post.schema.js';
import { toConfigIssues } from '../core/config/zod-issues.js';

/** The first problem zod finds in `item`, by its path in the post. */
export function explainPost(item: unknown): { path: string; message: string } | undefined {
  const result = postSchema.safeParse(item);
  return result.success ? undefined : toConfigIssues(result.error.issues, postSchema, item)[0];
}
