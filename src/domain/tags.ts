import { fail } from './errors.ts';

export interface Tag {
  key: string;
  value?: string;
}

/** ACM's per-certificate tag limit; keys with the reserved `aws:` prefix do not count. */
export const MAX_TAGS = 50;

/** Refuses keys in the `aws:` namespace, which only AWS itself may write. */
export function assertNoReservedKeys(tags: readonly Tag[]): void {
  const reserved = tags.find((tag) => tag.key.toLowerCase().startsWith('aws:'));
  if (reserved) {
    throw fail('InvalidTagException',
      `Tag key '${reserved.key}' is invalid: the prefix 'aws:' is reserved for AWS use.`);
  }
}

/** Refuses one request that names the same key twice, since the result would be ambiguous. */
export function assertDistinctKeys(tags: readonly Tag[]): void {
  const seen = new Set<string>();
  for (const tag of tags) {
    if (seen.has(tag.key)) {
      throw fail('InvalidParameterException', `Duplicate tag key '${tag.key}' in the request.`);
    }
    seen.add(tag.key);
  }
}

/** Adds tags; an existing key takes the new value. Fails when the result exceeds the limit. */
export function addTags(current: readonly Tag[], added: readonly Tag[]): Tag[] {
  const next = current.map((tag) => ({ ...tag }));
  for (const tag of added) {
    const existing = next.find((t) => t.key === tag.key);
    if (existing) existing.value = tag.value;
    else next.push({ ...tag });
  }
  assertWithinLimit(next);
  return next;
}

/** Removes tags by key; a tag given with a value is removed only when the value matches. */
export function removeTags(current: readonly Tag[], removed: readonly Tag[]): Tag[] {
  return current.filter((tag) => !removed.some((r) =>
    r.key === tag.key && (r.value === undefined || r.value === (tag.value ?? ''))));
}

export function assertWithinLimit(tags: readonly Tag[]): void {
  const counted = tags.filter((tag) => !tag.key.toLowerCase().startsWith('aws:')).length;
  if (counted > MAX_TAGS) {
    throw fail('TooManyTagsException',
      `The request contains too many tags: a certificate can have at most ${MAX_TAGS} tags.`);
  }
}
