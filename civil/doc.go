// Package civil provides [Date], a calendar date with no time of day and no
// time zone: the unit in which the Act and its rules count time.
//
// Statutory periods ("within three days of receipt", "within thirty days of
// the decision") are counted in whole calendar days, so a deadline must never
// shift because a timestamp crossed midnight in another zone. A Date is a
// small comparable value, usable as a map key, that does date arithmetic
// without allocating. Convert from a [time.Time] with [FromTime], which reads
// the instant in Asia/Karachi, or with [FromTimeIn] for another zone.
//
// Package civil does not know about holidays, weekends or statutory rules:
// those live in package deadlines. It never reads the clock.
package civil
