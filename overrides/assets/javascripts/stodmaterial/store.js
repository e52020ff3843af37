/* Filled in by the store work (see issues). Classic script: ES modules do not run over file://. */
