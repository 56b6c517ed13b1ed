-- Milestones that staff set per petition ("10,000: the government must respond"), shown with the progress bar.
create table petition_milestone (
    id          bigint generated always as identity primary key,
    petition_id bigint      not null references petition (id),
    signatures  int         not null check (signatures > 0),
    description text        not null,
    created_at  timestamptz not null,
    constraint petition_milestone_once unique (petition_id, signatures)
);
