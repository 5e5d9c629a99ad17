import * as assert from 'node:assert/strict';
import { dockerfileTopicAt, dockerfileTopicAtInstruction, dockerfileTopicAtWhole } from '../../src/core/dockerfile';
import { assertSaneHit, at, everyPosition, samples, seeded } from './support/lookup';

const read = samples('dockerfile');

function topicAt(text: string, needle: string, delta = 0, nth = 0): string | null {
  return dockerfileTopicAt(text, at(text, needle, delta, nth))?.topic ?? null;
}

describe('dockerfileTopicAt', () => {
  const good = read('Dockerfile.good');

  it('explains each instruction keyword, case-insensitively', () => {
    for (const kw of ['ARG', 'WORKDIR', 'RUN', 'LABEL', 'ENV', 'VOLUME', 'EXPOSE', 'USER', 'STOPSIGNAL', 'HEALTHCHECK',
      'SHELL', 'ONBUILD', 'MAINTAINER']) {
      assert.equal(topicAt(good, `\n${kw} `, 1), `dockerfile.${kw}`, kw);
      assert.equal(topicAt(good, `\n${kw} `, kw.length), `dockerfile.${kw}`, `${kw} last letter`);
    }
    assert.equal(topicAt(good, 'FROM --platform'), 'dockerfile.FROM');
    assert.equal(topicAt(good, 'COPY --link'), 'dockerfile.COPY');
    assert.equal(topicAt(good, 'ADD --checksum', 2), 'dockerfile.ADD');
    assert.equal(topicAt(read('Dockerfile.shellform'), 'cmd exec', 1), 'dockerfile.CMD.shell');
  });

  it('returns the keyword range', () => {
    const hit = dockerfileTopicAt(good, at(good, '\nUSER ', 2));
    assert.deepEqual(hit, { topic: 'dockerfile.USER', range: { start: { line: 17, character: 0 }, end: { line: 17, character: 4 } } });
  });

  it('tells exec form from shell form for CMD and ENTRYPOINT', () => {
    assert.equal(topicAt(good, 'ENTRYPOINT ['), 'dockerfile.ENTRYPOINT.exec');
    assert.equal(topicAt(good, 'CMD ["serve"'), 'dockerfile.CMD.exec');
    const shell = read('Dockerfile.shellform');
    assert.equal(topicAt(shell, 'ENTRYPOINT /bin'), 'dockerfile.ENTRYPOINT.shell');
    // Not valid JSON (missing comma): Docker runs it under /bin/sh -c.
    assert.equal(topicAt(shell, 'CMD ["a" "b"]'), 'dockerfile.CMD.shell');
    // A JSON array continued over two lines is still exec form.
    assert.equal(topicAt(shell, 'CMD ["multi"'), 'dockerfile.CMD.exec');
  });

  it('explains flags with their value', () => {
    assert.deepEqual(dockerfileTopicAt(good, at(good, '--network=none', 3)), {
      topic: 'dockerfile.RUN.--network',
      vars: { value: 'none' },
      range: { start: { line: 6, character: 4 }, end: { line: 6, character: 18 } },
    });
    assert.equal(topicAt(good, '--mount=type'), 'dockerfile.RUN.--mount');
    assert.equal(topicAt(good, 'type=cache', 3), 'dockerfile.RUN.--mount', 'the value belongs to the flag');
    assert.equal(topicAt(good, '--security=insecure', 12), 'dockerfile.RUN.--security');
    assert.equal(topicAt(good, '--platform'), 'dockerfile.FROM.--platform');
    assert.equal(topicAt(good, '--from=build', 4), 'dockerfile.COPY.--from');
    assert.equal(topicAt(good, '--chown=10001'), 'dockerfile.COPY.--chown');
    assert.equal(topicAt(good, '--link'), 'dockerfile.COPY.--link');
    assert.equal(topicAt(good, '--checksum'), 'dockerfile.ADD.--checksum');
    assert.equal(topicAt(good, '--interval'), 'dockerfile.HEALTHCHECK.--interval');
    assert.equal(topicAt(good, '--timeout'), 'dockerfile.HEALTHCHECK.--timeout');
    assert.equal(topicAt(good, '--retries'), 'dockerfile.HEALTHCHECK.--retries');
  });

  it('looks inside ONBUILD triggers', () => {
    assert.equal(topicAt(good, 'ONBUILD RUN', 8), 'dockerfile.RUN');
    assert.equal(topicAt(good, 'ONBUILD RUN --network', 13), 'dockerfile.RUN.--network');
  });

  it('returns null off keywords and flags', () => {
    assert.equal(topicAt(good, '# syntax'), null, 'parser directive');
    assert.equal(topicAt(good, 'golang:1.22'), null, 'image argument');
    assert.equal(topicAt(good, ' AS build', 1), null, 'AS');
    assert.equal(topicAt(good, 'go build -o'), null, 'continued RUN line');
    assert.equal(topicAt(good, '\nUSER ', 5), null, 'space after keyword');
    assert.equal(topicAt(good, 'CMD ["/usr/local/bin/app", "health"]'), null, 'CMD inside HEALTHCHECK is an argument');
    assert.equal(topicAt(good, '\n\nFROM', 1), null, 'blank line');
    assert.equal(dockerfileTopicAt(good, { line: 999, character: 0 }), null, 'past the end');
    assert.equal(dockerfileTopicAt(good, { line: 3, character: 500 }), null, 'past the line end');
    assert.equal(dockerfileTopicAt(good, { line: -1, character: 0 }), null, 'negative line');
    assert.equal(dockerfileTopicAt(good, { line: 0.5, character: 0 }), null, 'fractional line');
  });

  it('copes with broken Dockerfiles', () => {
    const broken = read('Dockerfile.broken');
    assert.equal(topicAt(broken, 'FROM\n'), 'dockerfile.FROM', 'FROM without an image');
    assert.equal(topicAt(broken, 'CMD ["sh"'), 'dockerfile.CMD.shell', 'unterminated array is shell form');
    assert.equal(topicAt(broken, 'ENTRYPOINT ['), 'dockerfile.ENTRYPOINT.shell');
    assert.equal(topicAt(broken, 'FLY me'), null, 'unknown instruction');
    assert.equal(topicAt(broken, '--network echo', 3), 'dockerfile.RUN.--network', 'flag without value');
    assert.equal(topicAt(broken, '--unknown-flag'), null, 'flag with no topic');
    assert.equal(topicAt(broken, 'COPY --chown', 6), 'dockerfile.COPY.--chown');
    assert.equal(topicAt(broken, 'RUN <<EOT'), 'dockerfile.RUN', 'heredoc RUN');
    assert.equal(topicAt(broken, 'CMD not an'), null, 'heredoc body is not an instruction');
    assert.equal(topicAt(broken, 'RUN echo trailing'), 'dockerfile.RUN', 'trailing backslash at EOF');
  });

  it('handles CRLF line endings', () => {
    const crlf = read('Dockerfile.crlf');
    assert.ok(crlf.includes('\r\n'), 'fixture really has CRLF');
    assert.equal(topicAt(crlf, 'USER'), 'dockerfile.USER');
    assert.equal(topicAt(crlf, 'CMD ["sh"]'), 'dockerfile.CMD.exec');
    assert.equal(topicAt(crlf, '--network=host', 2), 'dockerfile.RUN.--network');
    assert.equal(topicAt(crlf, '# comment'), null);
  });

  it('returns null for empty and comment-only files', () => {
    for (const name of ['Dockerfile.empty', 'Dockerfile.comments']) {
      const text = read(name);
      for (const pos of everyPosition(text)) assert.equal(dockerfileTopicAt(text, pos), null, `${name} ${JSON.stringify(pos)}`);
    }
  });

  it('never throws and only returns known topics whose range holds the cursor, at every position of every fixture', () => {
    let hits = 0;
    for (const name of ['Dockerfile.good', 'Dockerfile.shellform', 'Dockerfile.broken', 'Dockerfile.crlf']) {
      const text = read(name);
      for (const pos of everyPosition(text)) {
        const hit = dockerfileTopicAt(text, pos);
        if (hit) {
          hits++;
          assertSaneHit(hit, pos);
        }
      }
    }
    assert.ok(hits > 100, `expected many hits, got ${hits}`);
  });

  it('never throws on generated garbage', () => {
    const pieces = ['RUN', 'CMD', 'FROM', 'ONBUILD', '--network=', '--mount', '[', ']', '"', '\\', '\n', '\r\n', ' ', '\t',
      '<<EOF', 'EOF', '#', 'escape=`', '`', '${', '}', '=', 'héllo', '😀'];
    const rand = seeded(42);
    for (let i = 0; i < 300; i++) {
      let text = '';
      for (let j = rand(40); j > 0; j--) text += pieces[rand(pieces.length)];
      for (let k = 0; k < 10; k++) {
        const pos = { line: rand(6), character: rand(12) };
        const hit = dockerfileTopicAt(text, pos);
        if (hit) assertSaneHit(hit, pos);
      }
    }
  });

  it('explains the ADD and COPY flags of current Dockerfile syntax', () => {
    assert.equal(dockerfileTopicAt('FROM a\nADD --link x /y\n', { line: 1, character: 5 })?.topic, 'dockerfile.ADD.--link');
    const t = 'FROM a\nADD --chmod=755 --checksum=sha256:abc --keep-git-dir=true --exclude=*.md --unpack=false x /y\n' +
      'COPY --chmod=+x --parents --exclude=*.txt --link a/./b /c\n';
    for (const [needle, topic, nth] of [['--chmod', 'dockerfile.ADD.--chmod', 0], ['--checksum', 'dockerfile.ADD.--checksum', 0],
      ['--keep-git-dir', 'dockerfile.ADD.--keep-git-dir', 0], ['--exclude', 'dockerfile.ADD.--exclude', 0], ['--unpack', 'dockerfile.ADD.--unpack', 0],
      ['--chmod', 'dockerfile.COPY.--chmod', 1], ['--parents', 'dockerfile.COPY.--parents', 0], ['--exclude', 'dockerfile.COPY.--exclude', 1],
      ['--link', 'dockerfile.COPY.--link', 0]] as const) {
      assert.equal(topicAt(t, needle, 3, nth), topic, `${needle} #${nth}`);
    }
    assert.deepEqual(dockerfileTopicAt(t, at(t, '--chmod=755', 2))?.vars, { value: '755' });
  });

  it('parses only the instruction under the cursor in a large file, with the same answers', function () {
    this.timeout(60000); // one whole parse of the large file, slow on a loaded machine
    const good = read('Dockerfile.good');
    let big = '';
    while (big.length < 80 * 1024) big += good.replace(/^# syntax.*\n/, '') + '\n';
    const lines = big.split('\n');
    const target = lines.length - 20;
    for (let line = target - 40; line < target; line++) {
      for (let character = 0; character <= lines[line].length; character += 3) {
        assert.deepEqual(dockerfileTopicAt(big, { line, character }), dockerfileTopicAtWhole(big, { line, character }), `${line}:${character}`);
      }
    }
  });

  it('finds the same instruction by the line scan as by the whole parse, at every position of every fixture', function () {
    this.timeout(60000); // every position, twice
    const escaped = '# escape=`\nFROM a\nRUN --network=none echo `\n  two `\n  # comment inside\n  three\nUSER x\n';
    const heredocs = 'FROM a\nRUN <<EOT bash\n  CMD inside\nEOT\nCOPY <<-EOF /x\n\tUSER inside\n\tEOF\nUSER me\n';
    const cr = 'FROM a\rRUN --network=host x \\\r  y\rUSER b\r';
    const texts: Array<[string, string]> = [['escaped', escaped], ['heredocs', heredocs], ['cr', cr]];
    for (const name of ['Dockerfile.good', 'Dockerfile.shellform', 'Dockerfile.broken', 'Dockerfile.crlf', 'Dockerfile.empty', 'Dockerfile.comments']) {
      texts.push([name, read(name)]);
    }
    for (const [name, text] of texts) {
      for (const pos of everyPosition(text)) {
        assert.deepEqual(dockerfileTopicAtInstruction(text, pos), dockerfileTopicAtWhole(text, pos), `${name} ${JSON.stringify(pos)}`);
      }
    }
    assert.equal(dockerfileTopicAtInstruction(cr, { line: 3, character: 1 })?.topic, 'dockerfile.USER');
    assert.equal(dockerfileTopicAtInstruction(escaped, { line: 6, character: 1 })?.topic, 'dockerfile.USER');
  });

  it('parses at most 64 KB of one instruction: an unclosed here-document in a large file is not parsed to its end', function () {
    this.timeout(60000); // a 2 MB text; the time is measured in bench/, not here
    let t = 'FROM a\nRUN --network=none <<EOF\n';
    while (t.length < 2e6) t += 'RUN not an instruction\n';
    assert.equal(dockerfileTopicAt(t, { line: 1, character: 6 })?.topic, 'dockerfile.RUN.--network');
    assert.equal(dockerfileTopicAt(t, { line: 1000, character: 1 }), null, 'inside the here-document');
    assert.equal(dockerfileTopicAt(t, { line: 80000, character: 1 }), null, 'past what is parsed');
  });
});
