package reminder_test

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/hifazat/hifazat/civil"
	"github.com/hifazat/hifazat/policy"
	"github.com/hifazat/hifazat/reminder"
)

func ExampleSweep() {
	// A source of open deadlines; in production reminder.FromStore(store).
	src := func(context.Context, civil.Date, int) ([]reminder.Deadline, error) {
		return []reminder.Deadline{
			{Case: "case-1", Policy: policy.FederalAct2022, Rule: policy.RuleCharges, Kind: policy.Duty, Due: civil.MustParse("2026-03-05")},
			{Case: "case-2", Policy: policy.FederalAct2022, Rule: policy.RuleCharges, Kind: policy.Duty, Due: civil.MustParse("2026-03-01")},
			{Case: "case-3", Policy: policy.FederalAct2022, Rule: policy.RuleCharges, Kind: policy.Duty, Due: civil.MustParse("2026-04-01")},
		}, nil
	}
	rs, err := reminder.Sweep(context.Background(), src, policy.Builtin(), civil.MustParse("2026-03-04"), nil)
	if err != nil {
		panic(err)
	}
	for _, r := range rs {
		fmt.Println(r.Case, r.Window, r.Type(), r.Forum, r.Citation)
	}
	// Output:
	// case-1 1d pk.hifazat.deadline.due inquiry_committee s.4(1)(a)
	// case-2 overdue pk.hifazat.deadline.breach inquiry_committee s.4(1)(a)
}

func ExampleReminder_Event() {
	r := reminder.Reminder{Case: "case-1", Rule: policy.RuleCharges, Kind: policy.Duty, Window: "1d",
		Due: civil.MustParse("2026-03-05"), Forum: policy.InquiryCommittee, Citation: "s.4(1)(a)"}
	ev, err := r.Event("urn:hifazat:uni", time.Date(2026, 3, 4, 4, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	// The id is a hash of the case, rule, window and due date: the same on every resend.
	fmt.Println(string(ev))
	// Output:
	// {"specversion":"1.0","id":"9906a1a6587c67207ac2b82925dad10a","source":"urn:hifazat:uni","type":"pk.hifazat.deadline.due","subject":"case-1","time":"2026-03-04T04:00:00Z","datacontenttype":"application/json","data":{"case":"case-1","rule":"charges","kind":"duty","window":"1d","due":"2026-03-05","forum":"inquiry_committee","citation":"s.4(1)(a)"}}
}

// A webhook and e-mail, each with its own outbox on one database: each
// channel records what it delivered, so each reminder goes once by each.
// The e-mail goes to the address of the forum that must act.
func ExampleMail() {
	ctx := context.Background()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		panic(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	hooks, err := reminder.Open(ctx, db, reminder.SQLite)
	if err != nil {
		panic(err)
	}
	mails, err := hooks.Channel(ctx, "email")
	if err != nil {
		panic(err)
	}
	mail := reminder.Mail{Addr: "smtp.uni.example:587", From: "hifazat@uni.example",
		To: map[policy.Forum]string{policy.InquiryCommittee: "harassment-committee@uni.example"}}
	// A Loop would deliver them: reminder.Loop{Outbox: hooks, Sender: webhook,
	// Channels: []reminder.Channel{{Outbox: mails, Sender: mail}}, ...}.
	r := reminder.Reminder{Case: "case-1", Rule: policy.RuleCharges, Kind: policy.Duty, Window: "1d",
		Due: civil.MustParse("2026-03-05"), Forum: policy.InquiryCommittee, Citation: "s.4(1)(a)"}
	fmt.Println("e-mail for the committee:", mail.Takes(r))
	for _, box := range []*reminder.Outbox{hooks, mails} {
		n, err := box.Enqueue(ctx, []reminder.Reminder{r, r}, "urn:hifazat:uni", time.Date(2026, 3, 4, 3, 0, 0, 0, time.UTC))
		if err != nil {
			panic(err)
		}
		fmt.Println("queued:", n)
	}
	// Output:
	// e-mail for the committee: true
	// queued: 1
	// queued: 1
}
