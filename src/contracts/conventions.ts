/** The pipeline's conventions, as configuration with its defaults. Overridable by `.iacjudge.json` or flags. */
export interface Conventions {
  /** File that must hold provider and terraform blocks. */
  providerFile: string;
  /** Name of the environment-suffix input (HCL variable). */
  suffixVariable: string;
  /** Name of the environment-suffix input in CDKTF (constructor prop / variable). */
  suffixVariableCdktf: string;
  /** Folder application (Lambda) code must live in, relative to the task root. */
  lambdaDir: string;
  /** Resources must be destroyable (no final snapshots, deletion protection, prevent_destroy). */
  destroyable: boolean;
  /** The stack must create what it needs (no lookups of pre-existing VPCs, zones, certificates...). */
  selfSufficient: boolean;
  /** Remote state is expected (a `local` backend is a finding). */
  remoteState: boolean;
}

export const DEFAULT_CONVENTIONS: Conventions = {
  providerFile: 'provider.tf',
  suffixVariable: 'environment_suffix',
  suffixVariableCdktf: 'environmentSuffix',
  lambdaDir: 'lib/lambda',
  destroyable: true,
  selfSufficient: true,
  remoteState: true,
};
