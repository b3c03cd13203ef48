/**
 * Which files Terraform loads as configuration: `.tf` (native syntax) and `.tf.json` (JSON syntax), both parts of
 * the module of their folder. Case-sensitive, as Terraform's own loader is.
 */
const CONFIG_FILE = /\.tf(?:\.json)?$/;
const JSON_CONFIG_FILE = /\.tf\.json$/;
/** Variable value files in JSON syntax (`terraform.tfvars.json`, `x.auto.tfvars.json`). */
const JSON_VALUES_FILE = /\.tfvars\.json$/;

export function isTerraformConfigPath(path: string): boolean {
  return CONFIG_FILE.test(path);
}

export function isTerraformJsonPath(path: string): boolean {
  return JSON_CONFIG_FILE.test(path);
}

export function isTerraformJsonValuesPath(path: string): boolean {
  return JSON_VALUES_FILE.test(path);
}
