# trappa_library: one library per source folder, in the style of Abseil's absl_cc_library.
#
#   trappa_library(DEPS <folder targets...> [LIBS <third-party targets...>]
#                  [INCLUDES <third-party include dirs...>])
#
# Called from src/<layer>[/<capability>]/CMakeLists.txt. The target is named after the folder
# (src/core/org -> trappa_core_org) and built from the folder's own .cpp files (not its
# subfolders'); a folder of headers only becomes an INTERFACE library. DEPS are the other
# folders it may use, as in the dependency table of docs/architecture.md, which the layering
# test (tests/layering) checks at the include level; LIBS are the third-party libraries only
# this folder may use. Each folder also joins the umbrella target of its layer (trappa_core,
# trappa_store, ...) that tests and benchmarks link.
function(trappa_library)
  cmake_parse_arguments(ARG "" "" "DEPS;LIBS;INCLUDES" ${ARGN})
  file(RELATIVE_PATH folder ${PROJECT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR})
  string(REPLACE "/" "_" suffix "${folder}")
  set(target trappa_${suffix})
  string(REGEX REPLACE "/.*" "" layer "${folder}")

  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  list(TRANSFORM ARG_DEPS PREPEND trappa_)
  if(sources)
    add_library(${target} STATIC ${sources})
    target_link_libraries(${target} PUBLIC ${ARG_DEPS} fmt::fmt Threads::Threads PRIVATE ${ARG_LIBS})
    if(ARG_INCLUDES)
      target_include_directories(${target} PRIVATE ${ARG_INCLUDES})
    endif()
  else()
    add_library(${target} INTERFACE)
    target_link_libraries(${target} INTERFACE ${ARG_DEPS} fmt::fmt)
  endif()

  set_property(GLOBAL APPEND PROPERTY TRAPPA_LAYER_${layer} ${target})
  set_property(GLOBAL APPEND PROPERTY TRAPPA_LIBRARY_FOLDERS ${folder})
endfunction()

# After every folder is declared: trappa::<layer> links all folders of that layer.
function(trappa_layer_umbrellas)
  foreach(layer core demo i18n io store report app web)
    get_property(members GLOBAL PROPERTY TRAPPA_LAYER_${layer})
    add_library(trappa_layer_${layer} INTERFACE)
    target_link_libraries(trappa_layer_${layer} INTERFACE ${members})
    add_library(trappa::${layer} ALIAS trappa_layer_${layer})
  endforeach()
endfunction()
