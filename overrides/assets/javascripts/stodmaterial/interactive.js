/* Filled in by the interactive work (see issues). Classic script: ES modules do not run over file://. */
