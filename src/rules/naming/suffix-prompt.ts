/**
 * What a prompt says when it asks for per-deployment names: a suffix, unique or conflict-free names, several
 * deployments or environments side by side. Without it, and without a suffix in the ideal's code, the pipeline's
 * suffix convention is an observation (read against the code on dev tasks, a missing suffix neither the prompt nor
 * the ideal asked for was not a failure).
 */
export const SUFFIX_PROMPT =
  /suffix|\bunique|uniquely|collision|collide|conflict|side by side|in parallel|parallel (deploy|stack|environment)|multiple (deployments|environments|stacks|instances of the stack)|same account|(deploy|deployed) (multiple|several) times|per[- ]environment|environment[- ](specific|isolat)|isolat(ed|ion) (between|per|of) environments/i;

/** The ideal's code carries a per-deployment suffix input: the reviewer made names unique, so its absence is a failure. */
export const SUFFIX_IN_CODE = /environment_?suffix/i;
