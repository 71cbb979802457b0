// The connection doctor: (a) what a successful verify() costs over the same HTTP calls made
// bare with undici, and (b) checking 50 instances that each answer in 200 ms against checking
// one. The simulated Veza runs in a child process on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { createDoctorService } from '../src/main/core/doctor/doctor-service';
import { createInstanceClient } from '../src/main/core/veza/instance-client';
import { verify } from '../src/main/core/doctor/verify';
import { createProfileService } from '../src/main/core/profiles/profile-service';
import { openProfileStore } from '../src/main/core/profiles/profile-store';
import { createTransport, type Transport } from '../src/main/core/transport';
import { median, report } from './support/figure';
import { startSandboxProcess } from './support/sandbox-process';
import { memorySecrets } from './support/memory-secrets';

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};

/** A transport opener that also notes every URL verify() asks for. */
function recordingTransport(tempDir: string, seen: string[]): () => Transport {
  return () => {
    const transport = createTransport({ env: {}, tempDir });
    return {
      ...transport,
      send: (req, options) => {
        seen.push(req.url);
        return transport.send(req, options);
      },
    };
  };
}

async function verifyOverhead(tempDir: string): Promise<boolean> {
  const sandbox = await startSandboxProcess();
  try {
    const calls: string[] = [];
    const once = (openTransport: () => Transport) =>
      verify({ address: sandbox.url, readKey: async () => sandbox.key }, { openTransport });
    const first = await once(recordingTransport(tempDir, calls));
    if (!first.ok) throw new Error(`verify failed: ${first.outcome}`);
    const openTransport = () => createTransport({ env: {}, tempDir });
    // The same GETs in the same order, on a fresh connection pool each time as verify()
    // opens its own transport, with the same headers, each body read to the end.
    const bare = async () => {
      const agent = new Agent();
      try {
        for (const url of calls) {
          const { body } = await request(url, {
            dispatcher: agent,
            headers: { accept: 'application/json', authorization: `Bearer ${sandbox.key}` },
          });
          await body.text();
        }
      } finally {
        await agent.close();
      }
    };
    const doctor = () => once(openTransport);
    for (let i = 0; i < 100; i += 1) await Promise.all([bare(), doctor()]); // warm-up
    const ratios: number[] = [];
    const bareMs: number[] = [];
    const doctorMs: number[] = [];
    for (let round = 0; round < 21; round += 1) {
      let bareSum = 0;
      let doctorSum = 0;
      for (let i = 0; i < 20; i += 1) {
        // Interleaved, order flipped every pair, so both sides meet the same machine load.
        if (i % 2 === 0) {
          bareSum += await timed(bare);
          doctorSum += await timed(doctor);
        } else {
          doctorSum += await timed(doctor);
          bareSum += await timed(bare);
        }
      }
      ratios.push(doctorSum / bareSum);
      bareMs.push(bareSum / 20);
      doctorMs.push(doctorSum / 20);
    }
    console.error(
      `verify: ${calls.length} GETs (${calls.map((url) => new URL(url).pathname).join(', ')}); ` +
        `median ${median(doctorMs).toFixed(2)} ms vs bare ${median(bareMs).toFixed(2)} ms`,
    );
    return report({
      bench: 'doctor',
      figure: 'successful verify / the same GETs bare (undici, new connection)',
      value: median(ratios),
      unit: 'x',
      bar: 1.5,
      lowerIsBetter: true,
    });
  } finally {
    await sandbox.stop();
  }
}

async function checkAllFifty(tempDir: string): Promise<boolean> {
  const sandbox = await startSandboxProcess({ latencyMs: 200 });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'veza-doctor-bench-profiles-'));
  try {
    const profiles = createProfileService({
      store: await openProfileStore(folder),
      secrets: memorySecrets(),
    });
    for (let i = 0; i < 50; i += 1) {
      await profiles.create(
        {
          name: `Instance ${i + 1}`,
          address: sandbox.url,
          colour: '#2457c5',
          production: false,
          notes: '',
        },
        { apiKey: sandbox.key, acceptAsIs: false },
      );
    }
    const doctor = createDoctorService({
      profiles,
      instances: createInstanceClient({ profiles }),
      openTransport: () => createTransport({ env: {}, tempDir }),
    });
    const oneId = profiles.state().profiles[0]?.id ?? '';
    const one = async () => {
      const result = await doctor.verify(oneId);
      if (!result.ok) throw new Error(`check failed: ${result.outcome}`);
    };
    const all = async () => {
      const { results: checked } = await doctor.checkAll();
      if (checked.length !== 50 || !checked.every(({ result }) => result.ok))
        throw new Error('check all: not 50 working instances');
    };
    await one();
    await all(); // warm-up
    const ratios: number[] = [];
    const oneMs: number[] = [];
    const allMs: number[] = [];
    for (let round = 0; round < 7; round += 1) {
      // Alternate which goes first, so both meet the same machine load.
      let single = 0;
      let fifty = 0;
      if (round % 2 === 0) {
        single = await timed(one);
        fifty = await timed(all);
      } else {
        fifty = await timed(all);
        single = await timed(one);
      }
      ratios.push(fifty / single);
      oneMs.push(single);
      allMs.push(fifty);
    }
    console.error(
      `check all: 50 instances in ${median(allMs).toFixed(0)} ms; one in ${median(oneMs).toFixed(0)} ms (200 ms per request)`,
    );
    return report({
      bench: 'doctor',
      figure: 'check all, 50 instances at 200 ms / one check',
      value: median(ratios),
      unit: 'x',
      bar: 2,
      lowerIsBetter: true,
    });
  } finally {
    await sandbox.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'veza-doctor-bench-'));
  try {
    const results = [await verifyOverhead(tempDir), await checkAllFifty(tempDir)];
    process.exitCode = results.every(Boolean) ? 0 : 1;
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

void main();
