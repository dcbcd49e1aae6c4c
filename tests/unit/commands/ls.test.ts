import { describe, expect, it } from 'vitest';
import { laptop, run } from './harness';

/** Expected texts are real GNU ls 9.1 outputs (captured with `script` on an 80- and 40-column pty). */
function filled() {
  const lap = laptop();
  const home = '/home/student';
  for (let i = 1; i <= 25; i += 1) lap.fs.writeFile(`${home}/file_${i}.txt`, '');
  for (const name of ['a b', "it's", 'big.bin', 'notes.txt']) lap.fs.writeFile(`${home}/${name}`, '');
  lap.fs.mkdir(`${home}/data`);
  lap.fs.mkdir(`${home}/models`);
  return lap;
}

describe('ls columns on a terminal', () => {
  it('lays out down the columns with tabs and aligns around quoted names (80 columns)', async () => {
    const result = await run(filled(), ['ls'], { tty: true, columns: 80 });
    expect(result.stdout).toBe("'a b'\t       file_12.txt   file_18.txt   file_23.txt\t file_6.txt   notes.txt\n big.bin       file_13.txt   file_19.txt   file_24.txt\t file_7.txt\n data\t       file_14.txt   file_2.txt    file_25.txt\t file_8.txt\n file_1.txt    file_15.txt   file_20.txt   file_3.txt\t file_9.txt\n file_10.txt   file_16.txt   file_21.txt   file_4.txt\t\"it's\"\n file_11.txt   file_17.txt   file_22.txt   file_5.txt\t models\n");
  });
  it('fits 40 columns', async () => {
    const result = await run(filled(), ['ls'], { tty: true, columns: 40 });
    expect(result.stdout).toBe("'a b'\t       file_17.txt   file_4.txt\n big.bin       file_18.txt   file_5.txt\n data\t       file_19.txt   file_6.txt\n file_1.txt    file_2.txt    file_7.txt\n file_10.txt   file_20.txt   file_8.txt\n file_11.txt   file_21.txt   file_9.txt\n file_12.txt   file_22.txt  \"it's\"\n file_13.txt   file_23.txt   models\n file_14.txt   file_24.txt   notes.txt\n file_15.txt   file_25.txt\n file_16.txt   file_3.txt\n");
  });
  it('lays out across with -x', async () => {
    const result = await run(filled(), ['ls', '-x'], { tty: true, columns: 40 });
    expect(result.stdout).toBe("'a b'\t       big.bin\n data\t       file_1.txt\n file_10.txt   file_11.txt\n file_12.txt   file_13.txt\n file_14.txt   file_15.txt\n file_16.txt   file_17.txt\n file_18.txt   file_19.txt\n file_2.txt    file_20.txt\n file_21.txt   file_22.txt\n file_23.txt   file_24.txt\n file_25.txt   file_3.txt\n file_4.txt    file_5.txt\n file_6.txt    file_7.txt\n file_8.txt    file_9.txt\n\"it's\"\t       models\n notes.txt\n");
  });
  it('prints one name per line, unquoted, when not on a terminal', async () => {
    const result = await run(filled(), ['ls']);
    expect(result.stdout.split('\n').slice(0, 4)).toEqual(['a b', 'big.bin', 'data', 'file_1.txt']);
  });
});
