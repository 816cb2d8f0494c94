'use strict';
// What mailauth's MTA-STS functions return for each domain of an interop world: getPolicy (with
// nothing cached), then validateMx for each MX host given. Used by RealSendersIT.
//
//   NODE_EXTRA_CA_CERTS=ca.pem node mta-sts.js DNS_SERVER < jobs.json
//
// jobs.json: [{"domain": "...", "mx": ["mx1...", ...]}]; prints a JSON array, one object per job:
// {"domain", "status", "mode", "id", "error", "mx": [{"host", "valid", "testing", "match"}]}.
const { Resolver } = require('node:dns').promises;
const { getPolicy, validateMx } = require('mailauth/lib/mta-sts');

async function main() {
    const server = process.argv[2];
    if (!server) {
        throw new Error('usage: node mta-sts.js DNS_SERVER < jobs.json');
    }
    const dns = new Resolver({ timeout: 2000, tries: 2 });
    dns.setServers([server]);
    const resolver = (name, type) => dns.resolve(name, type);

    const chunks = [];
    for await (const chunk of process.stdin) {
        chunks.push(chunk);
    }
    const jobs = JSON.parse(Buffer.concat(chunks).toString('utf8'));

    const results = await Promise.all(
        jobs.map(async job => {
            const { policy, status } = await getPolicy(job.domain, false, { resolver });
            return {
                domain: job.domain,
                status,
                mode: policy.mode,
                id: policy.id || null,
                error: policy.error ? String(policy.error.code || policy.error.message) : null,
                mx: (job.mx || []).map(host => {
                    const v = validateMx(host, policy);
                    return { host, valid: v.valid, testing: v.testing, match: v.match || null };
                })
            };
        })
    );
    process.stdout.write(JSON.stringify(results) + '\n');
}

main().catch(err => {
    process.stderr.write((err && err.stack) || String(err));
    process.exit(2);
});
