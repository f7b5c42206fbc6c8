// The part of Phaser the map uses (a build like Phaser's own phaser-core.js, plus containers and
// the geometry the map's hit areas need): no physics, tilemaps, particles, curves, sound or the
// many game objects the map never draws. vite.config.ts redirects the bare 'phaser' import here.
require('phaser-src/polyfills/requestVideoFrame');

var CONST = require('phaser-src/const');
var Extend = require('phaser-src/utils/object/Extend');

var Phaser = {
  Animations: require('phaser-src/animations'),
  BlendModes: require('phaser-src/renderer/BlendModes'),
  Cache: require('phaser-src/cache'),
  Cameras: { Scene2D: require('phaser-src/cameras/2d') },
  Core: require('phaser-src/core'),
  Class: require('phaser-src/utils/Class'),
  Data: require('phaser-src/data'),
  Display: { Masks: require('phaser-src/display/mask') },
  DOM: require('phaser-src/dom'),
  Events: require('phaser-src/events'),
  Filters: require('phaser-src/filters'),
  Game: require('phaser-src/core/Game'),
  GameObjects: {
    DisplayList: require('phaser-src/gameobjects/DisplayList'),
    GameObjectCreator: require('phaser-src/gameobjects/GameObjectCreator'),
    GameObjectFactory: require('phaser-src/gameobjects/GameObjectFactory'),
    UpdateList: require('phaser-src/gameobjects/UpdateList'),
    Components: require('phaser-src/gameobjects/components'),
    BuildGameObject: require('phaser-src/gameobjects/BuildGameObject'),
    BuildGameObjectAnimation: require('phaser-src/gameobjects/BuildGameObjectAnimation'),
    GameObject: require('phaser-src/gameobjects/GameObject'),
    Container: require('phaser-src/gameobjects/container/Container'),
    Graphics: require('phaser-src/gameobjects/graphics/Graphics'),
    Image: require('phaser-src/gameobjects/image/Image'),
    Layer: require('phaser-src/gameobjects/layer/Layer'),
    Sprite: require('phaser-src/gameobjects/sprite/Sprite'),
    Text: require('phaser-src/gameobjects/text/Text'),
    Factories: {
      Container: require('phaser-src/gameobjects/container/ContainerFactory'),
      Graphics: require('phaser-src/gameobjects/graphics/GraphicsFactory'),
      Image: require('phaser-src/gameobjects/image/ImageFactory'),
      Layer: require('phaser-src/gameobjects/layer/LayerFactory'),
      Sprite: require('phaser-src/gameobjects/sprite/SpriteFactory'),
      Text: require('phaser-src/gameobjects/text/TextFactory'),
    },
    Creators: {
      Container: require('phaser-src/gameobjects/container/ContainerCreator'),
      Graphics: require('phaser-src/gameobjects/graphics/GraphicsCreator'),
      Image: require('phaser-src/gameobjects/image/ImageCreator'),
      Layer: require('phaser-src/gameobjects/layer/LayerCreator'),
      Sprite: require('phaser-src/gameobjects/sprite/SpriteCreator'),
      Text: require('phaser-src/gameobjects/text/TextCreator'),
    },
  },
  Geom: require('phaser-src/geom'),
  Input: require('phaser-src/input'),
  Loader: {
    FileTypes: {
      ImageFile: require('phaser-src/loader/filetypes/ImageFile'),
      JSONFile: require('phaser-src/loader/filetypes/JSONFile'),
    },
    File: require('phaser-src/loader/File'),
    FileTypesManager: require('phaser-src/loader/FileTypesManager'),
    GetURL: require('phaser-src/loader/GetURL'),
    LoaderPlugin: require('phaser-src/loader/LoaderPlugin'),
    MergeXHRSettings: require('phaser-src/loader/MergeXHRSettings'),
    MultiFile: require('phaser-src/loader/MultiFile'),
    XHRLoader: require('phaser-src/loader/XHRLoader'),
    XHRSettings: require('phaser-src/loader/XHRSettings'),
  },
  Math: require('phaser-src/math'),
  Plugins: require('phaser-src/plugins'),
  Renderer: require('phaser-src/renderer'),
  Scale: require('phaser-src/scale'),
  ScaleModes: require('phaser-src/renderer/ScaleModes'),
  Scene: require('phaser-src/scene/Scene'),
  Scenes: require('phaser-src/scene'),
  Structs: require('phaser-src/structs'),
  Textures: require('phaser-src/textures'),
  Time: require('phaser-src/time'),
  TintModes: require('phaser-src/renderer/TintModes'),
  Tweens: require('phaser-src/tweens'),
};

Phaser = Extend(false, Phaser, CONST);

module.exports = Phaser;

globalThis.Phaser = Phaser;
