import type { ComponentChildren } from 'preact';

export function EmptyState(props: { title: string; children: ComponentChildren; testId?: string }) {
  return (
    <section class="empty" data-testid={props.testId}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}
