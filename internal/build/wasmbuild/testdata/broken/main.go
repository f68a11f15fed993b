// Command broken does not compile: the build must show the compiler's error.
package main

func main() {
	undefinedFunction()
}
