/**
 * Keyword/identifier classifier: a claimed failure (title, text, identifiers) → one taxonomy category.
 * Each category has weighted cues; the title counts three times the body, identifiers twice. Ties go to the
 * category listed first (more specific categories are listed before generic ones).
 */
import type { CategoryId } from '../taxonomy/categories.js';
import type { Claim } from './parse.js';

interface Cue {
  category: CategoryId;
  /** Patterns on prose (title and text). */
  words: RegExp[];
  /** Patterns on backticked identifiers and code. */
  idents?: RegExp[];
}

const CUES: Cue[] = [
  { category: 'syntax', words: [/\bsyntax error/i, /\bcompil(e|ation) error/i, /\bparse error/i, /\btypescript (compilation )?errors?\b/i, /\bdoes not (compile|parse)\b/i, /\bunterminated\b/i, /\binvalid (hcl|json|yaml) syntax/i, /\bts\d{4}\b/i, /\btype errors?\b/i, /\bmissing (comma|bracket|brace)/i] },
  { category: 'backend', words: [/\bbackend\b/i, /\bstate (file|management|locking|bucket)\b/i, /\bremote state\b/i, /\buse_?lockfile\b/i, /\btfstate\b/i], idents: [/backend|S3Backend|use_lockfile|tfstate/i] },
  { category: 'provider-version', words: [/\bprovider version\b/i, /\bversion constraint/i, /\block ?file\b/i, /\brequired_providers\b/i, /\brequired_version\b/i, /~>\s*\d/], idents: [/required_providers|required_version|~>/] },
  { category: 'deprecated', words: [/\bdeprecat/i, /\blegacy (resource|argument|syntax)/i, /\bno longer supported\b/i, /\bmanaged_policy_arns\b/i, /\binline (versioning|acl|lifecycle_rule)/i], idents: [/managed_policy_arns|aws_launch_configuration/] },
  { category: 'reference', words: [/\bundeclared\b/i, /\bundefined (variable|reference|resource)/i, /\breference to (an )?(undeclared|non-?existent)/i, /\bnon-?existent (resource|attribute|variable)/i, /\bunresolved reference/i, /\bnot declared\b/i, /\bmissing (aws_region )?variable (declaration|definition)/i, /\bmissing [`'"]?aws_region[`'"]? variable/i, /\bvariable name mismatch/i, /\bdoes not exist\b/i], idents: [/^var\.\w+$/] },
  { category: 'schema', words: [/\bunsupported (argument|block|attribute)/i, /\binvalid (argument|attribute|property|parameter|block)\b/i, /\bunknown (argument|attribute|property)/i, /\bwrong (property|argument|attribute) name/i, /\bschema\b/i, /\brequired (argument|attribute) (is )?missing/i, /\bmissing required (argument|attribute|field|property)/i, /\barray (instead of|vs\.?|versus) object/i, /\bobject (instead of|vs\.?) array/i, /\bexpected (a |an )?(object|list|string|number)/i, /\bhttp_?method\b.*\*/i, /\btype mismatch/i, /\binvalid resource type\b/i] },
  { category: 'service-constraint', words: [/\bnot supported (for|on|by|in)\b/i, /\bengine version\b/i, /\bversion (is )?(not available|unavailable|outdated|invalid)/i, /\binstance class\b/i, /\bperformance insights\b/i, /\blimit(s)? exceeded\b/i, /\bexceed(s|ing)? .*limit/i, /\bname (too long|length|exceeds)/i, /\b(character|length) limit/i, /\bincompatible\b/i, /\binvalidparametercombination\b/i, /\bnot available in\b/i, /\bquota\b/i, /\blambda@edge\b/i, /\breserved (concurrency|concurrent)/i] },
  { category: 'dependency', words: [/\bdepends_?on\b/i, /\bdependency\b(?! management)/i, /\bdependencies\b/i, /\bcircular\b/i, /\brace condition/i, /\bordering\b/i, /\bcycle\b/i], idents: [/depends_?on/i] },
  { category: 'external-dependency', words: [/\bpre-?existing\b/i, /\bexisting (vpc|subnet|resources?|infrastructure|hosted zone|certificate|repository|key pair)/i, /\bself-?suffici/i, /\bself-?contained\b/i, /\bdata source(s)? (lookup|for existing)/i, /\bhard-?coded (vpc|subnet|ami) id/i, /\bassum(es|ed|ing) .*exist/i, /\bmissing vpc creation\b/i, /\bnot created\b/i], idents: [/data\.aws_vpc|data "aws_vpc"|vpc_id|subnet_ids/] },
  { category: 'required-input', words: [/\bwithout defaults?\b/i, /\bno default\b/i, /\brequired variables?\b/i, /\bmissing default/i, /\bdefault values? (for|missing)/i, /\binteractive (input|prompt)/i, /\bunattended\b/i] },
  { category: 'optional-feature', words: [/\boptional\b/i, /\bconditional (creation|logic|resource|deployment)/i, /\bfeature flag/i, /\benable_\w+/i, /\bmandatory (domain|certificate|https|route ?53)/i, /\brequired without\b/i, /\bcustom domain\b/i], idents: [/^enable_\w+|^count = var\.enable/] },
  { category: 'destroyability', words: [/\bskip_final_snapshot\b/i, /\bdeletion[_ ]protection\b/i, /\bprevent_destroy\b/i, /\bforce_destroy\b/i, /\bdestroy(able|ability)?\b/i, /\bclean ?up\b/i, /\bteardown\b/i, /\bretain(ed)? (policy|on delete)/i, /\bremoval ?policy\b/i, /\bfinal snapshot\b/i, /\bnon-?deletable\b/i], idents: [/skip_final_snapshot|deletion_protection|force_destroy|prevent_destroy/] },
  { category: 'file-layout', words: [/\bprovider\.tf\b/i, /\bprovider (block|configuration) (in|inside|placed|location)/i, /\bwrong file\b/i, /\bfile (structure|layout|organization|separation)/i, /\bproject (structure|layout)/i, /\bsingle file\b/i, /\bmonolithic (file|stack)\b/i, /\blib\/lambda\b/i, /\bcode location\b/i, /\bseparate files?\b/i, /\blocals\.tf\b/i, /\bmodulari[sz]/i], idents: [/provider\.tf|main\.tf|variables\.tf|outputs\.tf|lib\/lambda/] },
  { category: 'naming', words: [/\benvironment[_ ]?suffix\b/i, /\benvironmentSuffix\b/, /\bnaming\b/i, /\bresource names?\b/i, /\bname (conflict|collision|prefix)/i, /\bunique names?\b/i, /\bhard-?coded (name|prefix|string in)/i], idents: [/environment_?suffix|environmentSuffix|name_prefix/i] },
  { category: 'tagging', words: [/\btag(s|ging)?\b/i, /\bdefault_tags\b/i, /\bcost allocation\b/i], idents: [/^tags$|default_tags|common_tags/] },
  { category: 'key-policy', words: [/\bkey polic(y|ies)\b/i, /\bkms key polic(y|ies)\b/i, /\b(key|kms) polic(y|ies)\b[^.]{0,80}\bprincipals?\b/i, /\bkms polic(y|ies)\b/i, /\bservice principal\b.*\bkms\b|\bkms\b.*\bservice principal\b/i], idents: [/aws_kms_key_policy/] },
  { category: 'iam-missing-permission', words: [/\bmissing (iam )?permissions?\b/i, /\bmissing (\S+ ){1,3}permissions?\b/i, /\bpermissions? (are |is )?missing\b/i, /\blacks? (the )?(iam )?permissions?\b/i, /\bnot authori[sz]ed\b/i, /\baccess ?denied\b/i, /\bpermissions? (for|to) (write|read|send|invoke|publish|decrypt|create)/i, /\bpassrole\b/i, /\binsufficient permissions?\b/i, /\bmissing (sqs|sns|kms|logs|s3|dynamodb|lambda)[: ]\w* permissions?/i] },
  { category: 'iam-least-privilege', words: [/\bleast[- ]privilege\b/i, /\bwildcard\b/i, /\bover(ly)?[- ]?(permissive|broad)\b/i, /\btoo (broad|permissive)\b/i, /"\*"|'\*'|\bresources?: \[?['"]\*/i, /\badministratoraccess\b/i, /\bfull ?access\b/i, /\btrust polic(y|ies)\b/i, /\bscoped?\b.*\bpolic/i], idents: [/^\*$|Resource\s*[:=]\s*(?:\[\s*)?["']\*|Action\s*[:=]\s*(?:\[\s*)?["'][a-z0-9]*:?\*/i] },
  { category: 'public-exposure', words: [/\bpublic access\b/i, /\bpublic(ly)? (accessible|readable|exposed|bucket|acl|ip|subnet)/i, /\bpublic_access_block\b/i, /\b0\.0\.0\.0\/0\b/, /\bopen (ingress|ssh|port|to the (internet|world))/i, /\bblock public\b/i, /\bexposed\b/i, /\bingress\b.*\b(22|3306|5432|3389)\b/i], idents: [/public_access_block|PublicAccessBlock|publicly_accessible|0\.0\.0\.0\/0|acl\s*=\s*"public/i] },
  { category: 'secrets', words: [/\bsecrets?\b(?! manager)/i, /\bpassword/i, /\bcredential/i, /\bapi key\b/i, /\bhard-?coded (secret|password|credential|key)/i, /\bsensitive\b/i, /\bplain ?text\b/i], idents: [/password|secret_string|random_password|manage_master_user_password/i] },
  { category: 'encryption', words: [/\bencrypt/i, /\bkms\b/i, /\bcmk\b/i, /\bsse\b/i, /\bat[- ]rest\b/i, /\bin[- ]transit\b/i, /\bkey rotation\b/i, /\btls\b/i, /\bssl\b/i, /\bhttps only\b/i], idents: [/kms|encrypt|sse_algorithm|server_side_encryption/i] },
  { category: 'network', words: [/\bvpc endpoints?\b/i, /\bnat gateway/i, /\bsubnet(s)?\b/i, /\bsecurity groups?\b/i, /\begress\b/i, /\bnetwork acl/i, /\broute tables?\b/i, /\bprivate subnet/i, /\bnetwork(ing)? (design|configuration|isolation)/i, /\bcidr\b/i, /\bpeering\b/i, /\binternet gateway\b/i], idents: [/aws_vpc_endpoint|aws_nat_gateway|aws_subnet|aws_security_group|aws_route|cidr/i] },
  { category: 'logging', words: [/\blog retention\b/i, /\bretention(_in_days)?\b/i, /\blog groups?\b/i, /\baccess logs?\b/i, /\blogging\b/i, /\bflow logs?\b/i, /\bexecution logs?\b/i, /\bcloudtrail\b/i, /\baudit logs?\b/i], idents: [/retention_in_days|aws_cloudwatch_log_group|logging|aws_flow_log|aws_cloudtrail/i] },
  { category: 'monitoring', words: [/\balarms?\b/i, /\bdashboards?\b/i, /\bx-?ray\b/i, /\btracing\b/i, /\bmonitoring\b/i, /\bobservability\b/i, /\bsns (topic )?for (alerts|alarms|notifications)/i, /\balert(s|ing)?\b/i, /\bmetric filters?\b/i], idents: [/aws_cloudwatch_metric_alarm|dashboard|tracing_config|xray/i] },
  { category: 'backup-recovery', words: [/\bpoint[- ]in[- ]time\b/i, /\bpitr\b/i, /\bbackups?\b/i, /\bversioning\b/i, /\breplication\b/i, /\bdisaster recovery\b/i, /\bsnapshot retention\b/i, /\bbackup_retention/i], idents: [/point_in_time_recovery|versioning|backup_retention_period|replication/i] },
  { category: 'lifecycle-cost', words: [/\blifecycle (rule|polic|configuration)/i, /\blifecycle\b.*\bfilter\b|\bfilter\b.*\blifecycle\b/i, /\bbilling[_ ]mode\b/i, /\bpay_per_request\b/i, /\bon-demand\b/i, /\bprovisioned (capacity|throughput)\b/i, /\bcost (optimi[sz]ation|savings)/i, /\bstorage class\b/i, /\bglacier\b/i, /\bexpiration\b/i, /\bcosts?\b/i], idents: [/lifecycle_configuration|billing_mode|PAY_PER_REQUEST|transition|expiration/i] },
  { category: 'scaling', words: [/\bauto[- ]?scaling\b/i, /\bscaling polic/i, /\bcooldown\b/i, /\bconcurrency\b/i, /\bthrottl/i, /\bcapacity\b/i, /\bscale (in|out|up)\b/i], idents: [/aws_autoscaling_policy|aws_appautoscaling|reserved_concurrent_executions|cooldown/i] },
  { category: 'high-availability', words: [/\bmulti[- ]az\b/i, /\bhigh availability\b/i, /\bsingle[- ]az\b/i, /\bfailover\b/i, /\bavailability zones?\b/i, /\bread replicas?\b/i, /\bredundan/i, /\bglobal tables?\b/i, /\bmulti[- ]region\b/i], idents: [/multi_az|availability_zone|replica/i] },
  { category: 'outputs', words: [/\boutputs?\b/i, /\bterraformoutput\b/i, /\bstack outputs?\b/i], idents: [/^output\b|TerraformOutput/] },
  { category: 'hardcoded-value', words: [/\bhard-?coded\b/i, /\bhard coded\b/i, /\bstatic (value|region|account|az)/i, /\baccount id\b/i, /\bhard-?coded (region|account|az|availability zone|ami)/i, /\bmagic (number|value)/i], idents: [/us-(east|west)-\d|\d{12}/] },
  { category: 'application-code', words: [/\blambda (function )?(code|handler)\b/i, /\bhandler\b/i, /\bapplication code\b/i, /\bpython code\b/i, /\bsdk\b/i, /\berror handling\b/i, /\bruntime\b/i, /\bdeployment package\b/i, /\bzip\b/i], idents: [/\.py$|handler|index\.(js|ts)|lambda_function/i] },
  { category: 'missing-resource', words: [/\bmissing (\w+ ){0,3}(resource|service|component|infrastructure|repository|table|queue|topic|bucket|function|cluster|role|distribution|api)\b/i, /\bnot implemented\b/i, /\bomitted\b/i, /\babsent\b/i, /\bno \w+ (created|defined)\b/i, /\bincomplete implementation\b/i, /\brequirement(s)? not met\b/i] },
  { category: 'misconfiguration', words: [/\bmisconfigur/i, /\bincorrect (configuration|setting|value)/i, /\bwrong (region|runtime|architecture|value|setting|configuration|port|protocol)/i, /\bcors\b/i, /\binvalid (configuration|value)\b/i, /\bconfiguration error\b/i, /\bincorrect\b/i, /\bwrong\b/i] },
  { category: 'tests', words: [/\btests?\b/i, /\btesting\b/i, /\bunit tests?\b/i, /\bintegration tests?\b/i, /\bcoverage\b/i, /\bjest\b/i, /\bpytest\b/i], idents: [/\.test\.ts|test_|\.int\.test|tests?\//i] },
  { category: 'documentation', words: [/\bdocument(ation|ed)?\b/i, /\breadme\b/i, /\bcomments?\b/i, /\bexplanation\b/i, /\bdescriptions?\b/i, /\bprose\b/i, /\bnarrative\b/i, /\bverbose\b/i, /\btone\b/i, /\bclarity\b/i, /\bprofessionalism\b/i] },
  { category: 'style', words: [/\blint(ing|er)?\b/i, /\bformatting\b/i, /\bterraform fmt\b/i, /\bprettier\b/i, /\beslint\b/i, /\bunused (imports?|variables?)\b/i, /\bcode style\b/i, /\bwhitespace\b/i, /\bindentation\b/i] },
];

/** Categories a written analysis can claim but the code cannot show. */
export const NOT_CHECKABLE: ReadonlySet<CategoryId> = new Set<CategoryId>(['tests', 'documentation', 'style']);

export interface Classification {
  category: CategoryId | null;
  /** Score of the winning category (0 when nothing matched). */
  score: number;
  /** Runner-up, for diagnostics. */
  runnerUp: CategoryId | null;
}

function countMatches(res: RegExp[], text: string): number {
  let n = 0;
  for (const re of res) if (re.test(text)) n += 1;
  return n;
}

/** Classifies a title/text/identifiers triple. Pure; exported for tests and the recall eval. */
export function classifyText(title: string, text: string, identifiers: string[] = []): Classification {
  const idText = identifiers.join('\n');
  // The body can be long: keep its first part, where the claim states itself.
  const body = text.slice(0, 1500);
  // Titles are short; a cap keeps the `word.*word` cues linear on a hostile one-line "title".
  const head = title.slice(0, 300);
  let best: CategoryId | null = null;
  let bestScore = 0;
  let runnerUp: CategoryId | null = null;
  let runnerScore = 0;
  for (const cue of CUES) {
    const score = 3 * countMatches(cue.words, head) + countMatches(cue.words, body) + 2 * (cue.idents ? countMatches(cue.idents, idText) : 0);
    if (score > bestScore) {
      runnerUp = best;
      runnerScore = bestScore;
      best = cue.category;
      bestScore = score;
    } else if (score > runnerScore) {
      runnerUp = cue.category;
      runnerScore = score;
    }
  }
  return { category: bestScore > 0 ? best : null, score: bestScore, runnerUp };
}

export function classifyClaim(claim: Claim): Classification {
  return classifyText(claim.title, claim.text, claim.identifiers);
}
