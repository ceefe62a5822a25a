#ifndef POSTMORTEM_FUZZ_DRIVER_H
#define POSTMORTEM_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry point for programs that keep their own main (LLVM 11 and later). SwiftPM
// renames every executable's main, so the targets call this instead of linking libFuzzer's main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
