/**
 * The formatter API the list commands use, the tabwriter, Go's fmt/json details, a property
 * (random templates only ever fail with TemplateError) and the speed budget.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  CONTAINER_HEADERS,
  CONTEXT_TYPES,
  DEFAULT_FORMATS,
  Template,
  TemplateError,
  VOLUME_HEADERS,
  containerFormat,
  defineContext,
  ellipsis,
  formatFloat,
  goJSON,
  goQuote,
  goTimeString,
  goValue,
  headerLabel,
  indentJSON,
  parseTemplate,
  renderTable,
  rfc3339Nano,
  sprintf,
  structType,
  tabwrite,
  truncateID,
  writeFormatted,
  Value,
  FLOAT64,
  INT,
  STRING,
} from '../../../src/engine/docker/format';

interface Vol {
  name: string;
  driver: string;
  labels: Record<string, string>;
}

const volumes = defineContext<Vol>({
  type: CONTEXT_TYPES.volume,
  header: VOLUME_HEADERS,
  hidden: ['v'],
  methods: {
    Name: (v) => v.name,
    Driver: (v) => v.driver,
    Labels: (v) =>
      Object.entries(v.labels)
        .map(([k, x]) => `${k}=${x}`)
        .join(','),
    Label: { params: ['string'], fn: (v, k: string) => v.labels[k] ?? '' },
  },
});

describe('writeFormatted', () => {
  const rows: Vol[] = [
    { name: 'fmtlab-a', driver: 'local', labels: {} },
    { name: 'fmtlab-bb-long-name-for-width', driver: 'local', labels: { b: '<&>' } },
  ];

  test('the default volume table (observed: DRIVER is padded to 10 columns)', () => {
    expect(writeFormatted({ format: DEFAULT_FORMATS.volumeTable, context: volumes, rows })).toBe(
      'DRIVER    VOLUME NAME\nlocal     fmtlab-a\nlocal     fmtlab-bb-long-name-for-width\n',
    );
    expect(writeFormatted({ format: DEFAULT_FORMATS.volumeTable, context: volumes, rows: [] })).toBe(
      'DRIVER    VOLUME NAME\n',
    );
  });

  test('a custom table and a plain format with a literal \\t', () => {
    expect(writeFormatted({ format: 'table {{.Name}}\\t{{.Driver}}', context: volumes, rows })).toBe(
      'VOLUME NAME                     DRIVER\nfmtlab-a                        local\nfmtlab-bb-long-name-for-width   local\n',
    );
    expect(writeFormatted({ format: '{{.Name}}\\t{{.Driver}}', context: volumes, rows })).toBe(
      'fmtlab-a\tlocal\nfmtlab-bb-long-name-for-width\tlocal\n',
    );
  });

  test('json is {{json .}} over the sorted no-argument methods, HTML-escaped', () => {
    expect(writeFormatted({ format: 'json', context: volumes, rows: rows.slice(1) })).toBe(
      '{"Driver":"local","Labels":"b=\\u003c\\u0026\\u003e","Name":"fmtlab-bb-long-name-for-width"}\n',
    );
    expect(writeFormatted({ format: '{{json .Labels}}', context: volumes, rows: rows.slice(1) })).toBe('"b=<&>"\n');
  });

  test('errors are TemplateError with docker’s text and print nothing', () => {
    expect(() => writeFormatted({ format: '{{.Nope}}', context: volumes, rows })).toThrow(
      new TemplateError(
        'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.volumeContext',
        'exec',
      ),
    );
    expect(() => writeFormatted({ format: '{{.Name}', context: volumes, rows })).toThrow(
      "template parsing error: template: :1: bad character U+007D '}'",
    );
  });

  test('custom header labels: {{.Label "com.example.my-label"}} heads the column "my label"', () => {
    expect(headerLabel('com.example.my-label')).toBe('my label');
    expect(headerLabel('my_label')).toBe('my label');
  });

  test('containerFormat maps table/raw/quiet like NewContainerFormat', () => {
    expect(containerFormat('', false, false)).toBe(DEFAULT_FORMATS.containerTable);
    expect(containerFormat('table', false, true)).toBe(DEFAULT_FORMATS.containerTable + '\\t{{.Size}}');
    expect(containerFormat('table', true, false)).toBe('{{.ID}}');
    expect(containerFormat('{{.Names}}', true, false)).toBe('{{.ID}}');
    expect(containerFormat('raw', true, false)).toBe('container_id: {{.ID}}');
  });
});

describe('tabwriter (minwidth 10, padding 3)', () => {
  test('docker system df (observed)', () => {
    expect(
      renderTable(
        [
          ['Images', '1', '1', '259.8MB', '-1.216e+08B (-46%)'],
          ['Containers', '3', '1', '12.29kB', '8.192kB (66%)'],
          ['Local Volumes', '2', '0', '0B', '0B'],
          ['Build Cache', '0', '0', '0B', '0B'],
        ],
        ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
      ),
    ).toBe(
      'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n' +
        'Images          1         1         259.8MB   -1.216e+08B (-46%)\n' +
        'Containers      3         1         12.29kB   8.192kB (66%)\n' +
        'Local Volumes   2         0         0B        0B\n' +
        'Build Cache     0         0         0B        0B\n',
    );
  });

  test('empty cells are padded; the last column is not', () => {
    expect(renderTable([['a', '', 'z']], ['X', 'PORTS', 'NAMES'])).toBe(
      'X         PORTS     NAMES\na                   z\n',
    );
  });

  test('a line with one cell ends a column block (elastic tabstops)', () => {
    expect(tabwrite('a\tb\nlong-cell-here\tc\nsingle\nx\ty\n')).toBe(
      'a                b\nlong-cell-here   c\nsingle\nx         y\n',
    );
  });

  test('widths count display columns (wide characters are 2, the ellipsis 1)', () => {
    expect(tabwrite('日本語\tx\nab\ty\n')).toBe('日本語    x\nab        y\n');
    expect(tabwrite('"python3 -c \'import …"\tx\n')).toBe('"python3 -c \'import …"   x\n');
  });
});

describe('display helpers', () => {
  test('Ellipsis and the quoted COMMAND column', () => {
    expect(goQuote(ellipsis("python3 -c 'import time; time.sleep(100000)'", 20))).toBe('"python3 -c \'import …"');
    expect(goQuote(ellipsis('python3 -u src/models/train_model.py', 20))).toBe('"python3 -u src/mode…"');
    expect(goQuote(ellipsis('true', 20))).toBe('"true"');
    expect(ellipsis('日本語日本語日本語日本語', 5)).toBe('日本…');
  });

  test('TruncateID and Go time formats', () => {
    expect(truncateID('sha256:f33e0292f1f6089115abfeb3a38c8d70ad5ac37936452818350c8435e0ab9594')).toBe('f33e0292f1f6');
    expect(goTimeString(Date.UTC(2026, 10, 26, 7, 3, 23))).toBe('2026-11-26 07:03:23 +0000 UTC');
    expect(goTimeString(Date.UTC(2026, 10, 26, 6, 51, 5, 349), 471576)).toBe('2026-11-26 06:51:05.349471576 +0000 UTC');
    expect(rfc3339Nano(Date.UTC(2026, 10, 26, 7, 3, 24, 23), 531831)).toBe('2026-11-26T07:03:24.023531831Z');
    expect(rfc3339Nano(Date.UTC(2026, 10, 26, 7, 3, 24))).toBe('2026-11-26T07:03:24Z');
  });
});

describe('templates named by the command', () => {
  test('docker version parses its --format as template "version" (observed)', () => {
    const versionInfo = structType('system.versionInfo', { Client: 'interface {}', Server: 'interface {}' });
    expect(() => parseTemplate('{{.Nope}}', 'version').execute(goValue(versionInfo, {}))).toThrow(
      new TemplateError(
        'template: version:1:2: executing "version" at <.Nope>: can\'t evaluate field Nope in type system.versionInfo',
        'exec',
      ),
    );
  });

  test('execution errors keep what was printed before them', () => {
    try {
      parseTemplate('a{{"b"}}{{.Nope}}c').execute({});
    } catch (e) {
      expect((e as TemplateError).partialOutput).toBe('ab');
    }
  });
});

describe('Go formatting details', () => {
  test('%v of floats is shortest %g with exponent from 1e21 … no: from 6 digits (fmt.Println semantics)', () => {
    expect(formatFloat(1e6, 'g', -1)).toBe('1e+06');
    expect(formatFloat(123456, 'g', -1)).toBe('123456');
    expect(formatFloat(0.0001, 'g', -1)).toBe('0.0001');
    expect(formatFloat(0.00001, 'g', -1)).toBe('1e-05');
    expect(
      sprintf('%.2f %.1f %.0f', new Value(FLOAT64, 2.675), new Value(FLOAT64, 0.25), new Value(FLOAT64, 2.5)),
    ).toBe('2.67 0.2 2');
  });

  test('default formatting of typed values: slices, maps, structs, pointers, nil', () => {
    const health = structType('container.Health', { Status: 'string', FailingStreak: 'int' });
    const state = structType('container.State', {
      Status: 'string',
      Running: 'bool',
      ExitCode: 'int',
      Health: { type: health.ptr() },
    });
    const t = parseTemplate('{{.}}|{{.Health}}|{{printf "%+v" .}}|{{.Health.Status}}');
    expect(
      t.execute(goValue(state, { Status: 'running', Running: true, ExitCode: 0, Health: { Status: 'healthy' } })),
    ).toMatch(
      /^\{running true 0 0xc[0-9a-f]+\}\|\{healthy 0\}\|\{Status:running Running:true ExitCode:0 Health:0xc[0-9a-f]+\}\|healthy$/,
    );
    expect(parseTemplate('{{.}}|{{.Health}}').execute(goValue(state, { Status: 'created' }))).toBe(
      '{created false 0 <nil>}|<nil>',
    );
    expect(() => parseTemplate('{{.Health.Status}}').execute(goValue(state, {}))).toThrow(
      'template: :1:9: executing "" at <.Health.Status>: nil pointer evaluating *container.Health.Status',
    );
    expect(parseTemplate('{{.}}').execute(goValue('[]string', null))).toBe('[]');
    expect(parseTemplate('{{.}}').execute(goValue('map[string]string', { b: '2', a: '1' }))).toBe('map[a:1 b:2]');
    expect(parseTemplate('{{.a}}{{.zz}}').execute({ a: 1 })).toBe('1<no value>');
  });

  test('encoding/json: struct order, omitempty, nil slices, HTML escaping, floats', () => {
    const cfg = structType('container.Config', {
      Hostname: 'string',
      Env: '[]string',
      Cmd: { type: '[]string', json: ',omitempty' },
      Labels: 'map[string]string',
      StopTimeout: { type: '*int', json: ',omitempty' },
    });
    expect(goJSON(goValue(cfg, { Hostname: 'h<', Env: null, Labels: { b: '1', a: '2' } }))).toBe(
      '{"Hostname":"h\\u003c","Env":null,"Labels":{"a":"2","b":"1"}}',
    );
    expect(goJSON(goValue(cfg, { Cmd: ['python3'] }), { escapeHTML: false })).toBe(
      '{"Hostname":"","Env":null,"Cmd":["python3"],"Labels":null}',
    );
    expect(goJSON(new Value(FLOAT64, 1e21))).toBe('1e+21');
    expect(goJSON(new Value(FLOAT64, 1e-7))).toBe('1e-7');
    expect(goJSON(new Value(STRING, 'a\u2028\b\u0001'))).toBe('"a\\u2028\\b\\u0001"');
    expect(indentJSON('[{"a":[],"b":{},"c":[1,2]}]', '', '    ')).toBe(
      '[\n    {\n        "a": [],\n        "b": {},\n        "c": [\n            1,\n            2\n        ]\n    }\n]',
    );
  });
});

describe('property: random templates only ever fail with TemplateError', () => {
  const pieces = [
    '{{',
    '}}',
    '{{-',
    '-}}',
    ' ',
    '.',
    '.Name',
    '.Driver',
    '.Label',
    '.Labels',
    '.Nope',
    '$',
    '$x',
    ':=',
    '=',
    '|',
    '(',
    ')',
    ',',
    '"a"',
    '`b`',
    "'c'",
    '1',
    '-2',
    '3.5',
    '0x1F',
    '1e3',
    'nil',
    'true',
    'if',
    'else',
    'end',
    'range',
    'with',
    'break',
    'continue',
    'define',
    'template',
    'block',
    'and',
    'or',
    'not',
    'eq',
    'lt',
    'len',
    'index',
    'slice',
    'print',
    'printf',
    'println',
    'json',
    'split',
    'join',
    'title',
    'upper',
    'pad',
    'truncate',
    'call',
    'html',
    '"%d %s %v %q %x %5.2f %!"',
    '/*',
    '*/',
    '\\t',
    '\\n',
    '\n',
    'table ',
  ];
  const row: Vol = { name: 'fmtlab-a', driver: 'local', labels: { x: 'y' } };

  test('token soup', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const format = parts.join('');
        try {
          writeFormatted({ format, context: volumes, rows: [row, row] });
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('arbitrary strings and data', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.jsonValue(), (text, data) => {
        try {
          Template.parse(text).execute(data);
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('speed', () => {
  interface C {
    id: string;
    image: string;
    command: string;
    created: number;
    status: string;
    ports: string;
    names: string;
    size: number;
  }
  const containers = defineContext<C>({
    type: CONTEXT_TYPES.container,
    header: CONTAINER_HEADERS,
    methods: {
      ID: (c) => c.id.slice(0, 12),
      Image: (c) => c.image,
      Command: (c) => goQuote(ellipsis(c.command, 20)),
      RunningFor: (c) => `${Math.floor(c.created / 60)} minutes ago`,
      Status: (c) => c.status,
      Ports: (c) => c.ports,
      Names: (c) => c.names,
      Size: (c) => String(c.size),
    },
  });
  const rows: C[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: (i.toString(16) + 'f33e0292f1f6089115abfeb3a38c8d70ad5ac3793645').padEnd(64, '0'),
    image: i % 2 ? 'python:3.11-slim' : 'nginx:alpine',
    command: i % 3 ? '/docker-entrypoint.sh nginx -g daemon off;' : 'python3',
    created: i * 7,
    status: `Up ${i % 50} minutes`,
    ports: i % 4 ? '' : '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
    names: `container_${i}`,
    size: i * 1000,
  }));

  test('a 10,000-row docker ps table renders well under 50 ms', { timeout: 60_000 }, () => {
    const format = containerFormat('table', false, false);
    writeFormatted({ format, context: containers, rows: rows.slice(0, 500) }); // warm up
    // CPU time (not wall time: other processes share this machine), best of up to 20 runs
    const times: number[] = [];
    let out = '';
    for (let k = 0; k < 20 && !(times.length > 0 && Math.min(...times) < 50); k++) {
      const c0 = process.cpuUsage();
      out = writeFormatted({ format, context: containers, rows });
      const c = process.cpuUsage(c0);
      times.push((c.user + c.system) / 1000);
    }
    expect(out.split('\n')).toHaveLength(10_002);
    expect(Math.min(...times)).toBeLessThan(50);
  });

  test('INT/STRING Values print fast enough for size columns', () => {
    expect(sprintf('%d %s', new Value(INT, 3), new Value(STRING, 'x'))).toBe('3 x');
  });
});
