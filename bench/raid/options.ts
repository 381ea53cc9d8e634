// The raid benchmark's command-line options, their defaults and bounds.
import { parseArgs } from 'node:util';

export const usage = `Usage: npm run bench:raid -- [options]

  --hostile N              hostile connections during the attack (default 10000)
  --attack SECONDS         length of the attack, and of the calm run before it (default 60)
  --hostile-networks N     networks the raid comes from (default 50: a forum thread's worth of raiders)
  --conversations N        genuine conversations, each side writing one message every 5 s (default 50)
  --newcomers N            genuine newcomers arriving during each run, solving the work (default 20)
  --flood N                messages each admitted hostile conversation sends at once (default 200)
  --phone-rate N           SHA-256 attempts per second of a genuine visitor's low-end phone (default 40000,
                           a Galaxy A14: 100,000 attempts in 2.5 s)
  --help                   this text

It prints a table of the calm run against the attack, notes, and last one JSON line with every figure.`;

export interface RaidOptions {
  hostile: number;
  attackS: number;
  hostileNetworks: number;
  conversations: number;
  newcomers: number;
  flood: number;
  phoneRate: number;
}

const bounded = (name: string, raw: string, min: number, max: number): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
};

/** The options of this run, or null when --help asks for the usage text; throws on a wrong option. */
export function parseRaidOptions(): RaidOptions | null {
  const { values } = parseArgs({
    options: {
      hostile: { type: 'string', default: '10000' },
      attack: { type: 'string', default: '60' },
      'hostile-networks': { type: 'string', default: '50' },
      conversations: { type: 'string', default: '50' },
      newcomers: { type: 'string', default: '20' },
      flood: { type: 'string', default: '200' },
      'phone-rate': { type: 'string', default: '40000' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  return {
    hostile: bounded('hostile', values.hostile, 0, 50_000),
    attackS: bounded('attack', values.attack, 10, 600),
    hostileNetworks: bounded('hostile-networks', values['hostile-networks'], 1, 60_000),
    conversations: bounded('conversations', values.conversations, 1, 500),
    newcomers: bounded('newcomers', values.newcomers, 0, 500),
    flood: bounded('flood', values.flood, 0, 5000),
    phoneRate: bounded('phone-rate', values['phone-rate'], 1000, 10_000_000),
  };
}
