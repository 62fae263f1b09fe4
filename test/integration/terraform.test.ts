/**
 * Terraform's AWS provider drives openacm through a whole resource life: import with tags,
 * a plan that finds no drift, an in-place tag change, and destroy. The provider comes from
 * the machine's local plugin mirror; a proxy on a closed loopback port catches any request
 * that is not for the test server, so nothing can reach a real AWS host.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  DescribeCertificateCommand, ListTagsForCertificateCommand,
} from '@aws-sdk/client-acm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeCertificate } from '../helpers/certs.ts';
import { run, type Run } from '../helpers/clients.ts';
import { errorOf } from '../helpers/expect-error.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const TERRAFORM = 'terraform';
const PLUGIN_MIRROR = '/opt/tf-plugins';
const PROVIDER_VERSION = '5.100.0';

let server: TestServer;
let workDir: string;

beforeAll(async () => {
  server = await startTestServer();
  workDir = mkdtempSync(path.join(tmpdir(), 'openacm-terraform-'));
  const material = await makeCertificate({ commonName: 'tf.example.com',
    sans: ['tf.example.com', 'www.tf.example.com'] });
  writeFileSync(path.join(workDir, 'cert.pem'), material.certificate);
  writeFileSync(path.join(workDir, 'key.pem'), material.privateKey);
  writeFileSync(path.join(workDir, 'chain.pem'), material.chain!);
  writeFileSync(path.join(workDir, 'terraform.rc'), `disable_checkpoint = true
provider_installation {
  filesystem_mirror {
    path    = "${PLUGIN_MIRROR}"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["*/*/*"]
  }
}
`);
});
afterAll(async () => {
  await server.stop();
  rmSync(workDir, { recursive: true, force: true });
});

function writeConfig(tags: Record<string, string>): void {
  const tagLines = Object.entries(tags).map(([k, v]) => `    ${k} = "${v}"`).join('\n');
  writeFileSync(path.join(workDir, 'main.tf'), `terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "${PROVIDER_VERSION}" }
  }
}
provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    acm = "${server.url}"
  }
}
resource "aws_acm_certificate" "imported" {
  private_key       = file("key.pem")
  certificate_body  = file("cert.pem")
  certificate_chain = file("chain.pem")
  tags = {
${tagLines}
  }
}
output "arn" { value = aws_acm_certificate.imported.arn }
output "domain_name" { value = aws_acm_certificate.imported.domain_name }
output "status" { value = aws_acm_certificate.imported.status }
output "sans" { value = aws_acm_certificate.imported.subject_alternative_names }
output "key_algorithm" { value = aws_acm_certificate.imported.key_algorithm }
`);
}

function terraform(...args: string[]): Promise<Run> {
  // `output` asks nothing, so it takes no -input flag.
  const flags = args[0] === 'output' ? ['-no-color'] : ['-input=false', '-no-color'];
  return run(TERRAFORM, [`-chdir=${workDir}`, ...args, ...flags], {
    PATH: process.env.PATH,
    HOME: workDir,
    TF_CLI_CONFIG_FILE: path.join(workDir, 'terraform.rc'),
    TF_IN_AUTOMATION: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '127.0.0.1,localhost',
  });
}

describe('Terraform aws_acm_certificate', () => {
  it('imports, finds no drift, changes tags in place and destroys', async () => {
    const version = await run(TERRAFORM, ['version'], { PATH: process.env.PATH,
      TF_CLI_CONFIG_FILE: path.join(workDir, 'terraform.rc') });
    expect(version.stdout).toMatch(/^Terraform v1\./);

    writeConfig({ team: 'platform' });
    const init = await terraform('init');
    expect(init.code, init.stderr).toBe(0);
    const apply = await terraform('apply', '-auto-approve');
    expect(apply.code, apply.stderr).toBe(0);

    const outputs = JSON.parse((await terraform('output', '-json')).stdout);
    const arn = outputs.arn.value as string;
    expect(arn).toMatch(/^arn:aws:acm:eu-west-1:000000000000:certificate\/[0-9a-f-]{36}$/);
    expect(outputs.domain_name.value).toBe('tf.example.com');
    expect(outputs.status.value).toBe('ISSUED');
    expect(outputs.key_algorithm.value).toBe('RSA_2048');
    expect([...outputs.sans.value].sort()).toEqual(['tf.example.com', 'www.tf.example.com']);

    const plan = await terraform('plan', '-detailed-exitcode');
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);

    writeConfig({ team: 'security', env: 'prod' });
    const retag = await terraform('apply', '-auto-approve');
    expect(retag.code, retag.stderr).toBe(0);
    expect(retag.stdout).toMatch(/0 added, 1 changed, 0 destroyed/);
    const acm = server.client({ region: 'eu-west-1' });
    const tags = await acm.send(new ListTagsForCertificateCommand({ CertificateArn: arn }));
    expect(tags.Tags).toEqual([{ Key: 'team', Value: 'security' }, { Key: 'env', Value: 'prod' }]);

    const destroy = await terraform('destroy', '-auto-approve');
    expect(destroy.code, destroy.stderr).toBe(0);
    expect(await errorOf(acm.send(new DescribeCertificateCommand({ CertificateArn: arn }))))
      .toEqual({ name: 'ResourceNotFoundException',
        message: `Could not find certificate ${arn} in account 000000000000.` });
  }, 180_000);
});
