// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { arrowsChangeIt, keyOwner, setFocusOrigin } from '../../src/views/keyboardFocus';

const make = (html: string) => {
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
};

afterEach(() => setFocusOrigin(true));

describe('who owns a key press', () => {
  it('text entry always keeps its keys', () => {
    setFocusOrigin(false);
    expect(keyOwner(make('<input type="text">'))).toBe('typing');
    expect(keyOwner(make('<input type="number">'))).toBe('typing');
    expect(keyOwner(make('<textarea></textarea>'))).toBe('typing');
  });
  it('a clicked button, radio, tab or select gives its keys to the page', () => {
    setFocusOrigin(false);
    for (const html of ['<button>Buggy</button>', '<input type="radio">', '<div role="tab">Bug lab</div>', '<select><option>1</option></select>'])
      expect(keyOwner(make(html)), html).toBe('page');
  });
  it('the same controls reached by Tab keep their keys', () => {
    setFocusOrigin(true);
    for (const html of ['<button>Buggy</button>', '<input type="radio">', '<div role="tab">Bug lab</div>', '<select><option>1</option></select>'])
      expect(keyOwner(make(html)), html).toBe('control');
  });
  it('plain page content is the page; a dialog keeps its keys', () => {
    setFocusOrigin(false);
    expect(keyOwner(make('<p>text</p>'))).toBe('page');
    expect(keyOwner(make('<dialog open><button>Close</button></dialog>').querySelector('button'))).toBe('control');
  });
  it('arrows change radios, tabs, selects and sliders, not buttons', () => {
    expect(arrowsChangeIt(make('<input type="radio">'))).toBe(true);
    expect(arrowsChangeIt(make('<div role="tab"></div>'))).toBe(true);
    expect(arrowsChangeIt(make('<input type="range">'))).toBe(true);
    expect(arrowsChangeIt(make('<button></button>'))).toBe(false);
  });
});
