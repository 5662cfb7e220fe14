import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * WAI-ARIA tabs: a tablist whose arrow keys (and Home/End) move between tabs, one tab stop for the list. Every panel
 * stays mounted and the inactive ones are `hidden`, so a form keeps its input and a tracked transaction its status
 * while the user looks at the other tab.
 */
export function Tabs({ label, items, testId }: { label: string; items: TabItem[]; testId?: string }) {
  const baseId = useId();
  const [chosen, setActive] = useState(items[0]?.id);
  // a tab that went away (e.g. Unstake after a disconnect) falls back to the first
  const active = items.some((item) => item.id === chosen) ? chosen : items[0]?.id;
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const select = (index: number) => {
    const item = items[(index + items.length) % items.length];
    setActive(item.id);
    tabRefs.current[(index + items.length) % items.length]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    select(moves[event.key]);
  };

  // a single item needs no tabs: its panel alone (same elements, so adding a tab later keeps it mounted)
  const single = items.length < 2;
  return (
    <div data-testid={testId}>
      <div hidden={single} role="tablist" aria-label={label} className="mb-3 grid grid-cols-2 gap-1 rounded-xl bg-slate-100 p-1 dark:bg-slate-800">
        {items.map((item, index) => {
          const selected = item.id === active;
          return (
            <button
              key={item.id}
              ref={(element) => {
                tabRefs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${item.id}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel-${item.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setActive(item.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`min-h-11 rounded-lg px-3 text-sm font-semibold ${
                selected ? 'bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-slate-100' : 'text-slate-700 dark:text-slate-300'
              }`}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {items.map((item) => (
        <div
          key={item.id}
          role={single ? undefined : 'tabpanel'}
          id={`${baseId}-panel-${item.id}`}
          aria-labelledby={single ? undefined : `${baseId}-tab-${item.id}`}
          hidden={item.id !== active}
        >
          {item.content}
        </div>
      ))}
    </div>
  );
}
