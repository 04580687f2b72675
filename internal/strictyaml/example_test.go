package strictyaml_test

import (
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/hifazat/hifazat/internal/strictyaml"
)

type committee struct {
	Size     int  `yaml:"size"`
	MinWomen int  `yaml:"min_women"`
	Chair    bool `yaml:"chair"`
}

type settings struct {
	Title     string    `yaml:"title"`
	Committee committee `yaml:"committee"`
}

func ExampleDecode() {
	s := settings{Title: "default", Committee: committee{Size: 3, MinWomen: 1}}
	err := strictyaml.Decode([]byte("committee:\n  size: 4\n"), &s)
	fmt.Printf("%+v %v\n", s, err)

	err = strictyaml.Decode([]byte("committee:\n  size: 4\n  min_woman: 2\n"), &s)
	var fe *strictyaml.FieldError
	if errors.As(err, &fe) {
		fmt.Printf("%s | %s\n", fe.Field, fe.Detail())
	}
	// Output:
	// {Title:default Committee:{Size:4 MinWomen:0 Chair:false}} <nil>
	// committee.min_woman | line 3: unknown field (want one of: size, min_women, chair)
}

func ExampleDecodeNode() {
	root, err := strictyaml.Parse([]byte("title: Acme\ncommittee: {min_women: 2}\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	s := settings{Committee: committee{Size: 3, MinWomen: 1, Chair: true}}
	// The committee section merges with the defaults instead of replacing them.
	err = strictyaml.DecodeNode(root, "", &s, func(field any, path string, n *yaml.Node) (bool, error) {
		if field == &s.Committee {
			return true, strictyaml.DecodeNode(n, path, &s.Committee, nil)
		}
		return false, nil
	})
	fmt.Printf("%+v %v\n", s, err)
	// Output:
	// {Title:Acme Committee:{Size:3 MinWomen:2 Chair:true}} <nil>
}

func ExampleParse() {
	for _, text := range []string{"title: a\n---\ntitle: b\n", `{"title": "a"} {}`, "# nothing\n"} {
		_, err := strictyaml.Parse([]byte(text))
		fmt.Println(err)
	}
	// Output:
	// strictyaml: more than one document (want exactly one)
	// strictyaml: invalid JSON: data after the object
	// strictyaml: empty document
}

func ExampleFieldError() {
	var s settings
	err := strictyaml.Decode([]byte("committee: {size: 2.5}"), &s)
	fmt.Println(err)
	// Output:
	// strictyaml: field committee.size: line 1: want a whole number, got "2.5"
}
