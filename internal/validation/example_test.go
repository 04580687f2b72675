package validation_test

import (
	"fmt"

	"github.com/go-playground/validator/v10"

	"github.com/hifazat/hifazat/internal/validation"
)

type period struct {
	N int `yaml:"n" validate:"min=1"`
}

type overlay struct {
	ID        string            `yaml:"id" validate:"required,lowercase"`
	Deadlines map[string]period `yaml:"deadlines" validate:"dive"`
}

func ExampleFirstField() {
	v := validation.New()
	err := v.Struct(overlay{ID: "", Deadlines: map[string]period{"charges": {N: 0}}})
	field, why, ok := validation.FirstField(err, func(fe validator.FieldError) string {
		if fe.Tag() == "lowercase" {
			return "want lowercase letters"
		}
		return validation.Reason(fe)
	})
	fmt.Println(field, "|", why, "|", ok)
	// Output:
	// deadlines.charges.n | 0 is less than 1 | true
}

func ExampleNew() {
	v := validation.New()
	validation.MustRegister(v, "even", func(fl validator.FieldLevel) bool { return fl.Field().Int()%2 == 0 })
	type committee struct {
		MinWomen int `yaml:"min_women" validate:"even"`
	}
	err := v.Struct(committee{MinWomen: 3})
	field, why, _ := validation.FirstField(err, validation.Reason)
	fmt.Println(field, "|", why)
	// Output:
	// min_women | fails even
}
