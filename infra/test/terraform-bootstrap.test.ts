import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { format } from '@cdktf/hcl-tools';
import { describe, expect, it } from 'vitest';
import { loadTerraform, type Block } from './terraform';
import { bootstrapDir, repoRoot } from './infra-files';

describe('infra/bootstrap', () => {
  it('makes a versioned, encrypted, private state bucket and a lock table', async () => {
    const tf = await loadTerraform(bootstrapDir);
    expect(Object.keys(tf.files).sort()).toEqual(['main.tf', 'outputs.tf', 'variables.tf', 'versions.tf']);
    const r = tf.resources;
    expect(r.aws_s3_bucket?.state?.bucket).toBe('${var.state_bucket_name}');
    const versioning = (r.aws_s3_bucket_versioning?.state?.versioning_configuration as Block[])[0];
    expect(versioning?.status).toBe('Enabled');
    expect(JSON.stringify(r.aws_s3_bucket_server_side_encryption_configuration?.state)).toContain('aws:kms');
    expect(r.aws_s3_bucket_public_access_block?.state).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(r.aws_dynamodb_table?.lock).toMatchObject({ name: '${var.lock_table_name}', hash_key: 'LockID' });
    expect(Object.keys(tf.variables).sort()).toEqual([
      'aws_profile',
      'aws_region',
      'lock_table_name',
      'state_bucket_name',
    ]);
    expect(tf.outputs).toHaveProperty('state_bucket_name');
    expect(tf.outputs).toHaveProperty('lock_table_name');
    const providers = tf.terraform.map((t) => t.required_providers).find(Boolean) as Block[] | undefined;
    expect(JSON.stringify(providers)).toContain('hashicorp/aws');
  });
});

describe('Terraform formatting', () => {
  it('matches terraform fmt (hclwrite) in every .tf, .tfvars and .hcl file', async () => {
    const files = (await readdir(path.join(repoRoot, 'infra'), { recursive: true })).filter(
      (f) => /\.(tf|tfvars|hcl)$/.test(f) && !f.includes('node_modules') && !f.includes('.terraform'),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = await readFile(path.join(repoRoot, 'infra', file), 'utf8');
      expect(await format(text), `${file} is not formatted: run make tf-fmt`).toBe(text);
    }
  });
});
