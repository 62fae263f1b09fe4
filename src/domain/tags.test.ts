import { describe, expect, it } from 'vitest';

import { AcmError } from './errors.ts';
import { addTags, assertNoReservedKeys, removeTags, type Tag } from './tags.ts';

const kindOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AcmError).kind;
  }
  return 'none';
};

describe('tag rules', () => {
  it('replaces the value of an existing key and keeps the order', () => {
    const current: Tag[] = [{ key: 'env', value: 'dev' }, { key: 'team' }];
    expect(addTags(current, [{ key: 'env', value: 'prod' }, { key: 'cost', value: '7' }]))
      .toEqual([{ key: 'env', value: 'prod' }, { key: 'team' }, { key: 'cost', value: '7' }]);
  });

  it('removes by key, or only on an exact value match when a value is given', () => {
    const current: Tag[] = [{ key: 'a', value: '1' }, { key: 'b', value: '2' }, { key: 'c' }];
    expect(removeTags(current, [{ key: 'a' }, { key: 'b', value: 'x' }, { key: 'c', value: '' }]))
      .toEqual([{ key: 'b', value: '2' }]);
  });

  it('allows 50 tags and refuses the 51st, not counting aws: keys', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}` }));
    expect(addTags([], fifty)).toHaveLength(50);
    expect(kindOf(() => addTags(fifty, [{ key: 'one-more' }]))).toBe('TooManyTagsException');
    expect(addTags([{ key: 'aws:cloudformation:stack-name' }], fifty)).toHaveLength(51);
  });

  it('reserves the aws: prefix in any case', () => {
    expect(kindOf(() => assertNoReservedKeys([{ key: 'AWS:owner' }]))).toBe('InvalidTagException');
    expect(kindOf(() => assertNoReservedKeys([{ key: 'awsome' }]))).toBe('none');
  });
});
