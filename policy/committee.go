package policy

// CommitteeRules are the composition rules for an Inquiry Committee under a
// policy (s.3(2)-(3)), plus the stricter rules an institution may add. Package
// committee checks a committee against them.
//
// The statutory rules are set by every built-in policy. The overlay rules
// (FemaleChair, TrainedWithinMonths, SignalsRefuse) are off in the zero
// value and in the statute; an institutional overlay may switch them on but
// may never weaken a statutory rule.
type CommitteeRules struct {
	// Size is the exact number of members: 3 (s.3(2)).
	Size Param[int] `json:"size" yaml:"size"`
	// MinWomen is the least number of women members: 1 (s.3(2)).
	MinWomen Param[int] `json:"min_women" yaml:"min_women"`
	// SeniorManagement requires one member from senior management (s.3(2)).
	SeniorManagement Param[bool] `json:"senior_management" yaml:"senior_management"`
	// EmployeeRepresentative requires one senior representative of the
	// employees, or a senior employee where there is no CBA (s.3(2)).
	EmployeeRepresentative Param[bool] `json:"employee_representative" yaml:"employee_representative"`
	// Chair requires a chairperson designated from amongst the members
	// (s.3(2)).
	Chair Param[bool] `json:"chair" yaml:"chair"`
	// OutsidersOnlyIfNeeded allows members co-opted from outside only when
	// the organisation cannot designate three from within (s.3(2)).
	OutsidersOnlyIfNeeded Param[bool] `json:"outsiders_only_if_needed" yaml:"outsiders_only_if_needed"`
	// ReplaceConflicted requires a member who is complained against, or is a
	// party or witness to a case, to be replaced for that case (s.3(3)).
	ReplaceConflicted Param[bool] `json:"replace_conflicted" yaml:"replace_conflicted"`

	// FemaleChair (overlay) requires the chairperson to be a woman.
	FemaleChair Param[bool] `json:"female_chair" yaml:"female_chair"`
	// TrainedWithinMonths (overlay) requires every member to have been
	// trained within this many months of the date checked; 0 means no rule.
	TrainedWithinMonths Param[int] `json:"trained_within_months" yaml:"trained_within_months"`
	// SignalsRefuse (overlay) makes the optional conflict signals a host can
	// supply (reporting line, family relation) refusals instead of warnings.
	SignalsRefuse Param[bool] `json:"signals_refuse" yaml:"signals_refuse"`
}
