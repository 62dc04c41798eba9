import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { expect, test, vi } from 'vitest';
import { useConversationListKeyboard } from '../../src/react/components/ConversationList/useConversationListKeyboard';

function List({ ids, onSelect, selectedId }: { ids: string[]; onSelect: (id: string) => void; selectedId?: string }) {
  const keyboard = useConversationListKeyboard({ ids, labels: ids, selectedId, onSelect });
  return (
    <ul role="listbox" aria-label="Items" onKeyDown={keyboard.onKeyDown} onBlur={keyboard.onBlur}>
      {ids.map((id) => (
        <li key={id} role="option" aria-selected={id === selectedId} {...keyboard.getItemProps(id)}>
          {id}
        </li>
      ))}
    </ul>
  );
}

const option = (name: string) => screen.getByRole('option', { name });
const tabbable = () => screen.getAllByRole('option').filter((o) => o.tabIndex === 0);

test('one tab stop, on the selected item', () => {
  render(<List ids={['general', 'bob', 'carol']} selectedId="bob" onSelect={() => {}} />);
  expect(tabbable()).toEqual([option('bob')]);
});

test('one tab stop on the first item when nothing is selected', () => {
  render(<List ids={['general', 'bob', 'carol']} onSelect={() => {}} />);
  expect(tabbable()).toEqual([option('general')]);
});

test('arrows, Home and End move focus and the tab stop; they stop at the ends', () => {
  render(<List ids={['a1', 'b2', 'c3']} onSelect={() => {}} />);
  option('a1').focus();
  fireEvent.keyDown(option('a1'), { key: 'ArrowDown' });
  expect(document.activeElement).toBe(option('b2'));
  expect(tabbable()).toEqual([option('b2')]);
  fireEvent.keyDown(option('b2'), { key: 'End' });
  expect(document.activeElement).toBe(option('c3'));
  fireEvent.keyDown(option('c3'), { key: 'ArrowDown' });
  expect(document.activeElement).toBe(option('c3'));
  fireEvent.keyDown(option('c3'), { key: 'Home' });
  expect(document.activeElement).toBe(option('a1'));
  fireEvent.keyDown(option('a1'), { key: 'ArrowUp' });
  expect(document.activeElement).toBe(option('a1'));
});

test('Enter and Space select the focused item; clicks select too', () => {
  const onSelect = vi.fn();
  render(<List ids={['a1', 'b2']} onSelect={onSelect} />);
  option('a1').focus();
  fireEvent.keyDown(option('a1'), { key: 'ArrowDown' });
  fireEvent.keyDown(option('b2'), { key: 'Enter' });
  fireEvent.keyDown(option('b2'), { key: ' ' });
  fireEvent.click(option('a1'));
  expect(onSelect.mock.calls).toEqual([['b2'], ['b2'], ['a1']]);
});

test('type-ahead jumps to a matching label', () => {
  render(<List ids={['alice', 'bob', 'bella', 'carol']} onSelect={() => {}} />);
  option('alice').focus();
  fireEvent.keyDown(option('alice'), { key: 'b' });
  expect(document.activeElement).toBe(option('bob'));
  fireEvent.keyDown(option('bob'), { key: 'b', timeStamp: 0 });
  // A second "b" quickly after is the query "bb": nothing matches, so focus stays.
  expect(document.activeElement).toBe(option('bob'));
});

test('focus follows the same item when the list reorders', () => {
  function Reordering() {
    const [ids, setIds] = useState(['a1', 'b2', 'c3']);
    return (
      <>
        <button type="button" onClick={() => setIds(['c3', 'a1', 'b2'])}>
          reorder
        </button>
        <List ids={ids} onSelect={() => {}} />
      </>
    );
  }
  render(<Reordering />);
  option('a1').focus();
  fireEvent.keyDown(option('a1'), { key: 'ArrowDown' });
  fireEvent.click(screen.getByRole('button', { name: 'reorder' }));
  expect(tabbable()).toEqual([option('b2')]);
  fireEvent.keyDown(option('b2'), { key: 'ArrowUp' });
  expect(document.activeElement).toBe(option('a1'));
});
