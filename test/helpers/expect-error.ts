/** Runs a call that must fail and returns the AWS error name and message it failed with. */
export async function errorOf(promise: Promise<unknown>):
  Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string };
    return { name: e.name, message: e.message };
  }
  throw new Error('expected the call to fail, and it succeeded');
}
