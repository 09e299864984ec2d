// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { MessageInput, type MessageInputProps } from './message-input';

afterEach(cleanup);

/** The input as its owners use it: the text lives outside, and only the owner clears it. */
function Harness(props: Partial<MessageInputProps> & { onSend: (text: string) => void; initial?: string }) {
  const { onSend, initial = '', ...rest } = props;
  const [value, setValue] = useState(initial);
  return (
    <MessageInput label="Obserwacja" hint="Ctrl+Enter wysyła." value={value} onChange={setValue} onSubmit={() => onSend(value)} submitLabel="Wyślij" {...rest} />
  );
}

describe('MessageInput', () => {
  test('Ctrl+Enter and Cmd+Enter send; plain Enter breaks the line; the text stays until the owner clears it', async () => {
    const onSend = vi.fn();
    render(<Harness onSend={onSend} />);
    const person = userEvent.setup();
    const box = screen.getByRole('textbox', { name: 'Obserwacja' }) as HTMLTextAreaElement;
    await person.type(box, 'Dwoje dzieci{Enter}i pies');
    expect(onSend).not.toHaveBeenCalled();
    await person.keyboard('{Control>}{Enter}{/Control}');
    await person.keyboard('{Meta>}{Enter}{/Meta}');
    expect(onSend).toHaveBeenCalledTimes(2);
    expect(onSend).toHaveBeenLastCalledWith('Dwoje dzieci\ni pies');
    expect(box.value).toBe('Dwoje dzieci\ni pies');
  });

  test('in Enter mode Enter sends and Shift+Enter breaks the line', async () => {
    const onSend = vi.fn();
    render(<Harness onSend={onSend} submitOn="enter" />);
    const person = userEvent.setup();
    await person.type(screen.getByRole('textbox'), 'Jak{Shift>}{Enter}{/Shift}odpowiedzieć?{Enter}');
    expect(onSend).toHaveBeenCalledTimes(1);
    expect(onSend).toHaveBeenCalledWith('Jak\nodpowiedzieć?');
  });

  test('nothing to send (or blocked): the button is disabled and the keys do nothing', async () => {
    const onSend = vi.fn();
    const { rerender } = render(<Harness onSend={onSend} initial="   " />);
    const person = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Wyślij' })).toHaveProperty('disabled', true);
    await person.type(screen.getByRole('textbox'), '{Control>}{Enter}{/Control}');
    rerender(<Harness onSend={onSend} initial="tekst" blocked busy busyLabel="Odpowiadanie…" />);
    expect(screen.getByRole('button', { name: 'Odpowiadanie…' })).toHaveProperty('disabled', true);
    expect(onSend).not.toHaveBeenCalled();
  });

  test('an error is an alert tied to the box, with its action; a notice is a status line', async () => {
    const retry = vi.fn();
    render(
      <Harness
        onSend={() => undefined}
        initial="Za drogo"
        error={{ message: 'Nie udało się wysłać. Tekst został w polu.', action: { label: 'Spróbuj ponownie', onClick: retry } }}
        notice="Brak połączenia. Obserwacje czekają w kolejce."
      />,
    );
    const box = screen.getByRole('textbox');
    const alert = screen.getByRole('alert');
    const status = screen.getByRole('status');
    expect(alert.textContent).toBe('Nie udało się wysłać. Tekst został w polu.');
    expect(status.textContent).toBe('Brak połączenia. Obserwacje czekają w kolejce.');
    expect(box.getAttribute('aria-describedby')!.split(' ')).toEqual(expect.arrayContaining([alert.id, status.id]));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Spróbuj ponownie' }));
    expect(retry).toHaveBeenCalledTimes(1);
    expect((box as HTMLTextAreaElement).value).toBe('Za drogo');
  });
});
