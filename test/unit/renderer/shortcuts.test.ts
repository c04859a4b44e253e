import { describe, expect, it } from 'vitest';
import { isTypingTarget, matchesShortcut, parseShortcut, shortcutHelp, shortcutLabel } from '../../../src/renderer/lib/shortcuts';

const key = (k: string, mods: Partial<{ ctrl: boolean; alt: boolean; shift: boolean; meta: boolean }> = {}) => ({
  key: k,
  ctrlKey: !!mods.ctrl,
  altKey: !!mods.alt,
  shiftKey: !!mods.shift,
  metaKey: !!mods.meta,
});

describe('shortcuts', () => {
  it('parses modifiers and key', () => {
    expect(parseShortcut('Ctrl+Shift+N')).toEqual({ key: 'N', ctrl: true, alt: false, shift: true });
    expect(parseShortcut('F1')).toEqual({ key: 'F1', ctrl: false, alt: false, shift: false });
    expect(parseShortcut('Ctrl++').key).toBe('+');
  });

  it('matches Ctrl+Enter, also with Cmd, and not plain Enter', () => {
    expect(matchesShortcut(key('Enter', { ctrl: true }), 'Ctrl+Enter')).toBe(true);
    expect(matchesShortcut(key('Enter', { meta: true }), 'Ctrl+Enter')).toBe(true);
    expect(matchesShortcut(key('Enter'), 'Ctrl+Enter')).toBe(false);
    expect(matchesShortcut(key('Enter', { ctrl: true, alt: true }), 'Ctrl+Enter')).toBe(false);
  });

  it('matches letters case-insensitively and respects Shift for letters', () => {
    expect(matchesShortcut(key('n', { alt: true }), 'Alt+N')).toBe(true);
    expect(matchesShortcut(key('N', { ctrl: true, shift: true }), 'Ctrl+Shift+N')).toBe(true);
    expect(matchesShortcut(key('n', { ctrl: true }), 'Ctrl+Shift+N')).toBe(false);
    expect(matchesShortcut(key('N', { alt: true, shift: true }), 'Alt+N')).toBe(false);
  });

  it('matches "?" whatever Shift the layout needs', () => {
    expect(matchesShortcut(key('?', { shift: true }), '?')).toBe(true);
    expect(matchesShortcut(key('?'), '?')).toBe(true);
    expect(matchesShortcut(key('?', { ctrl: true }), '?')).toBe(false);
  });

  it('knows when the user is typing in a field', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'input' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'radio' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('labels keys in Italian and documents the register shortcut', () => {
    expect(shortcutLabel('Ctrl+Enter')).toBe('Ctrl+Invio');
    expect(shortcutHelp.some((h) => h.keys.includes('Ctrl+Enter'))).toBe(true);
    expect(shortcutHelp.some((h) => h.keys.includes('F1') && h.keys.includes('?'))).toBe(true);
  });
});
