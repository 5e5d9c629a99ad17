import { strict as assert } from 'assert';
import { localizeReason } from '../../src/core/reasons';

describe('core/reasons in Korean', () => {
  it('names the Select Engine/Context command by its Korean title, as the palette shows it', () => {
    const ko = localizeReason('Start dockerd (sudo systemctl start docker) or pick another context (Container Anatomy: Select Engine/Context, or DOCKER_HOST / DOCKER_CONTEXT).', 'ko');
    assert.match(ko, /Container Anatomy: 엔진\/컨텍스트 선택/);
    assert.doesNotMatch(ko, /Select Engine/);
  });
});
